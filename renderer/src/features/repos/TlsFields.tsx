import { CheckField, Field } from '../../components/Field';
import { isLoopbackRegistry, isRegistryUrl, type FormErrors, type RepoForm } from './repo-form';

/** The TLS and credential-forwarding part of the repo dialog, folded unless something is set. */
export function TlsFields({ form, errors, set, forceOpen = false }: { form: RepoForm; errors: FormErrors; set: (changes: Partial<RepoForm>) => void; forceOpen?: boolean }) {
  const registry = isRegistryUrl(form.url);
  const plainHttp = form.plainHttp ?? isLoopbackRegistry(form.url);
  const anySet = forceOpen || Boolean(form.caFile || form.certFile || form.keyFile || form.insecureSkipVerify || form.passCredentialsAll || errors.keyFile || (registry && plainHttp));
  return (
    <details className="form-section form-details" open={anySet}>
      <summary>{registry ? 'Connection and TLS' : 'TLS and credential forwarding'}</summary>
      {registry && (
        <CheckField
          label="Plain HTTP (no TLS)"
          hint="Like helm --plain-http: for a registry without TLS, such as one on this machine (the default for localhost). Credentials then travel unencrypted."
          checked={plainHttp}
          onChange={(v) => set({ plainHttp: v })}
          testId="plain-http"
        />
      )}
      <Field label="CA certificate file" hint="A PEM file on this computer, for a repo signed by a private CA. It is referenced, not copied.">
        {(p) => <input {...p} value={form.caFile} onChange={(e) => set({ caFile: e.target.value })} placeholder="/etc/ssl/private-ca.pem" spellCheck={false} />}
      </Field>
      <div className="field-row">
        <Field label="Client certificate file">
          {(p) => <input {...p} value={form.certFile} onChange={(e) => set({ certFile: e.target.value })} placeholder="client.crt" spellCheck={false} />}
        </Field>
        <Field label="Client key file" error={errors.keyFile}>
          {(p) => <input {...p} value={form.keyFile} onChange={(e) => set({ keyFile: e.target.value })} placeholder="client.key" spellCheck={false} />}
        </Field>
      </div>
      <CheckField label="Skip TLS certificate verification" checked={form.insecureSkipVerify} onChange={(v) => set({ insecureSkipVerify: v })} testId="skip-verify" />
      {form.insecureSkipVerify && (
        <p className="inline-warning" role="note">
          ⚠ Anyone on the network path can impersonate this repo and read the credentials sent to it. Use a CA file instead when you can.
        </p>
      )}
      {!registry && (
      <CheckField
        label="Pass credentials to other hosts"
        hint="Send this repo’s credentials with chart downloads from other hosts too (Helm’s --pass-credentials). Off: charts on other hosts are fetched without them."
        checked={form.passCredentialsAll}
        onChange={(v) => set({ passCredentialsAll: v })}
      />
      )}
    </details>
  );
}
