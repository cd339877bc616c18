import type { RefObject } from 'react';
import { Field } from '../../components/Field';
import { SecretInput } from '../../components/SecretInput';
import { isRegistryUrl, secretLabel, type FormErrors, type RepoForm } from './repo-form';
import type { AuthMode, Dialect } from './types';

const MODES: { value: AuthMode; label: string }[] = [
  { value: 'none', label: 'None (public repo)' },
  { value: 'basic', label: 'Basic (user name and password)' },
  { value: 'bearer', label: 'Static bearer token' },
  { value: 'token-server', label: 'Token server (ChartMuseum bearer auth)' },
];

/** A registry follows its own challenge (Basic, or a token server), so the choice is what you log in with. */
const REGISTRY_MODES: { value: AuthMode; label: string }[] = [
  { value: 'none', label: 'Anonymous (public registry; anonymous tokens)' },
  { value: 'basic', label: 'User name and password (helm registry login)' },
  { value: 'identity-token', label: 'Identity token (OAuth2 refresh token)' },
  { value: 'bearer', label: 'Static bearer token' },
];

const DIALECTS: { value: Dialect; label: string }[] = [
  { value: 'auto', label: 'Auto-detect from the challenge' },
  { value: 'A', label: 'A: ChartMuseum example (POST, Bearer API key)' },
  { value: 'B', label: 'B: Docker token spec (GET, Basic)' },
  { value: 'C', label: 'C: Docker OAuth2 (POST form)' },
];

/** The authentication part of the repo dialog: mode, user name, secret, dialect, header name. */
export function AuthFields({ form, errors, set, secretRef, hasSecret, sessionOnly = false }: { form: RepoForm; errors: FormErrors; set: (changes: Partial<RepoForm>) => void; secretRef: RefObject<HTMLInputElement | null>; hasSecret: boolean; sessionOnly?: boolean }) {
  const registry = isRegistryUrl(form.url);
  const modes = registry ? REGISTRY_MODES : MODES;
  const { mode } = form;
  return (
    <fieldset className="form-section">
      <legend>Authentication</legend>
      <Field label="Authentication">
        {(p) => (
          <select {...p} value={mode} onChange={(e) => set({ mode: e.target.value as AuthMode })}>
            {modes.map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      {(mode === 'basic' || mode === 'token-server' || (registry && mode === 'identity-token')) && (
        <Field
          label="User name"
          error={errors.username}
          hint={mode === 'token-server' ? 'Only for dialects B and C; dialect A sends the API key alone.' : registry && mode === 'basic' ? 'Sent to the registry’s token server (or to the registry itself when it asks for Basic).' : registry && mode === 'identity-token' ? 'Optional: the account the token belongs to.' : undefined}
        >
          {(p) => <input {...p} value={form.username} onChange={(e) => set({ username: e.target.value })} autoComplete="off" spellCheck={false} />}
        </Field>
      )}
      {mode !== 'none' && (
        <Field
          label={secretLabel(mode)}
          hint={hasSecret ? 'A secret is stored. Leave this empty to keep it; type a new one to replace it.' : sessionOnly ? 'No keychain right now: kept in memory for this session only, never written to disk.' : 'Goes straight to the OS keychain; ChartDesk never shows it again unless you ask to reveal it.'}
        >
          {(p) => <SecretInput {...p} inputRef={secretRef} placeholder={hasSecret ? '•••••••• (stored)' : ''} testId="secret-input" />}
        </Field>
      )}
      {mode === 'token-server' && (
        <div className="field-row">
          <Field label="Token dialect">
            {(p) => (
              <select {...p} value={form.dialect} onChange={(e) => set({ dialect: e.target.value as Dialect })}>
                {DIALECTS.map((d) => (
                  <option key={d.value} value={d.value}>
                    {d.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Client ID" hint="Dialect C only (optional).">
            {(p) => <input {...p} value={form.clientId} onChange={(e) => set({ clientId: e.target.value })} spellCheck={false} />}
          </Field>
        </div>
      )}
      {mode !== 'none' && !registry && (
        <Field label="Custom header name" error={errors.headerName} hint="Optional: send the credential in this header instead of Authorization (helm-push’s HELM_REPO_AUTH_HEADER).">
          {(p) => <input {...p} value={form.headerName} onChange={(e) => set({ headerName: e.target.value })} placeholder="Authorization" spellCheck={false} />}
        </Field>
      )}
    </fieldset>
  );
}
