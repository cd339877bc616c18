import { useRef, useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { ErrorBox } from '../../components/ErrorBox';
import { CheckField, Field } from '../../components/Field';
import type { Problem } from '../../components/problem';
import { SecretInput } from '../../components/SecretInput';
import { groupFingerprint } from './provenance-words';
import type { SigningKeyInfo } from './types';
import './provenance.css';

/** How to sign a push: which key, and a passphrase when it needs one. */
export interface SignChoice {
  signWith: string;
  passphrase?: string;
  keepPassphrase: boolean;
}

/** Props of SignPushDialog. */
export interface SignPushDialogProps {
  fileName: string;
  repoName: string;
  keys: SigningKeyInfo[];
  busy: boolean;
  /** A failed attempt (a wrong passphrase…), shown in the dialog. */
  problem?: Problem | undefined;
  /** Push, signed with `choice` or unsigned (undefined). */
  onPush: (choice: SignChoice | undefined) => void;
  onCancel: () => void;
}

const NONE = '';

/** "Sign with…" before a push: pick a signing key (or none); a protected key asks for its passphrase here. */
export function SignPushDialog({ fileName, repoName, keys, busy, problem, onPush, onCancel }: SignPushDialogProps) {
  const [chosen, setChosen] = useState(keys[0]?.fingerprint ?? NONE);
  const [keep, setKeep] = useState(false);
  const passphrase = useRef<HTMLInputElement>(null);
  const key = keys.find((k) => k.fingerprint === chosen);
  const asks = key !== undefined && key.protected && (!key.passphraseSaved || problem?.kind === 'passphrase-incorrect');
  const submit = () => {
    if (!key) return onPush(undefined);
    const typed = asks ? (passphrase.current?.value ?? '') : undefined;
    if (passphrase.current) passphrase.current.value = '';
    onPush({ signWith: key.fingerprint, keepPassphrase: keep, ...(typed !== undefined && typed !== '' ? { passphrase: typed } : {}) });
  };
  return (
    <Dialog
      title={`Push ${fileName}`}
      onClose={onCancel}
      busy={busy}
      testId="push-sign-dialog"
      footer={
        <>
          <button type="button" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
          <button type="button" className="primary" onClick={submit} disabled={busy} data-testid="push-sign-go">
            {busy ? 'Pushing…' : key ? 'Sign and push' : 'Push unsigned'}
          </button>
        </>
      }
    >
      <form
        className="sign-choice"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <p className="muted">The package goes to {repoName}. Signed, its provenance (.prov) goes with it, as helm package --sign and helm cm-push make it, so others can check who published it.</p>
        <Field label="Sign with…">
          {(p) => (
            <select {...p} value={chosen} onChange={(e) => setChosen(e.target.value)} data-testid="push-sign-key" disabled={busy}>
              {keys.map((k) => (
                <option key={k.fingerprint} value={k.fingerprint}>
                  {k.userIds[0] ?? k.fingerprint} ({groupFingerprint(k.fingerprint).slice(-19)})
                </option>
              ))}
              <option value={NONE}>Don’t sign</option>
            </select>
          )}
        </Field>
        {asks && (
          <>
            <Field label="Passphrase" hint="Used for this push only, unless you keep it." error={problem?.kind === 'passphrase-incorrect' ? problem.message : undefined}>
              {(p) => <SecretInput {...p} inputRef={passphrase} testId="push-sign-passphrase" />}
            </Field>
            <CheckField label="Keep the passphrase in the vault" hint="Sealed with the key in your OS keychain; signing with this key will not ask again." checked={keep} onChange={setKeep} testId="push-sign-keep" />
          </>
        )}
        {problem && problem.kind !== 'passphrase-incorrect' && <ErrorBox problem={problem} title="Not pushed" testId="push-sign-error" />}
      </form>
    </Dialog>
  );
}
