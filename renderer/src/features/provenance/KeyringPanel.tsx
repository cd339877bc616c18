import { useState } from 'react';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CopyButton } from '../../components/CopyButton';
import { ErrorBox } from '../../components/ErrorBox';
import { toProblem, type Problem } from '../../components/problem';
import { Loading } from '../../components/States';
import { useToasts } from '../../components/Toasts';
import { KeyFileButton } from './KeyFileButton';
import { KeyRow } from './KeyRow';
import { groupFingerprint } from './provenance-words';
import { readFileBase64 } from './readFile';
import { useKeyring } from './useKeyring';
import './provenance.css';

type Removal = { kind: 'key' | 'signing'; fingerprint: string; name: string };

/**
 * The keyring in one self-contained panel: the public keys chart provenance is checked against, and
 * the signing keys whose secret parts live in the vault. Import, remove, forget a kept passphrase.
 */
export function KeyringPanel() {
  const [state, reload] = useKeyring();
  const [busy, setBusy] = useState<'key' | 'signing'>();
  const [problem, setProblem] = useState<Problem>();
  const [removing, setRemoving] = useState<Removal>();
  const toasts = useToasts();

  const importFile = async (kind: 'key' | 'signing', file: File) => {
    setBusy(kind);
    setProblem(undefined);
    try {
      const contentBase64 = await readFileBase64(file);
      if (kind === 'key') {
        const result = await api.importKeys({ fileName: file.name, contentBase64 });
        const words = [result.added.length ? `added ${result.added.length}` : '', result.updated.length ? `updated ${result.updated.length}` : ''].filter(Boolean).join(', ');
        toasts.show(`Keyring: ${words || 'nothing new'}${result.hadSecretKeys ? ' (public parts only)' : ''}.`, 'ok');
      } else {
        const result = await api.importSigningKey({ fileName: file.name, contentBase64 });
        toasts.show(`Signing key ${result.keys.map((k) => k.userIds[0] ?? k.fingerprint).join(', ')} imported.`, 'ok');
      }
      reload();
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(undefined);
    }
  };

  if (state.status === 'loading') return <Loading label="Loading the keyring…" />;
  if (state.status === 'error') return <ErrorBox problem={toProblem(state.error)} title="Could not read the keyring" />;
  const { keys, signingKeys } = state.value;
  return (
    <div className="keyring-panel" data-testid="keyring-panel">
      {problem && <ErrorBox problem={problem} title="The import failed" testId="keyring-error" />}
      <section aria-labelledby="keyring-public-title">
        <h3 id="keyring-public-title">Public keys ({keys.length})</h3>
        <p className="muted">Charts whose provenance (.prov) is signed by one of these keys show as verified. Import publishers’ keys as gpg --export writes them (armored or binary, several per file).</p>
        <div className="keyring-toolbar">
          <KeyFileButton label="Import public keys…" busy={busy === 'key'} onFile={(f) => void importFile('key', f)} testId="import-keys" />
        </div>
        {keys.length === 0 ? (
          <p className="keyring-empty">No keys yet: every signed chart shows “signed by an unknown key”.</p>
        ) : (
          <ul className="keyring-list" data-testid="public-keys">
            {keys.map((k) => (
              <KeyRow key={k.fingerprint} info={k}>
                <button type="button" className="small danger-outline" aria-label={`Remove ${k.userIds[0] ?? k.fingerprint}`} onClick={() => setRemoving({ kind: 'key', fingerprint: k.fingerprint, name: k.userIds[0] ?? k.fingerprint })}>
                  Remove
                </button>
              </KeyRow>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="keyring-signing-title">
        <h3 id="keyring-signing-title">Signing keys ({signingKeys.length})</h3>
        <p className="muted">Sign charts you push, as helm package --sign does. The secret key is sealed in the keychain-backed vault (without a keychain, kept in memory for this session only); a passphrase is asked when you sign and kept only if you choose so.</p>
        <div className="keyring-toolbar">
          <KeyFileButton label="Import a signing key…" busy={busy === 'signing'} onFile={(f) => void importFile('signing', f)} testId="import-signing-key" />
        </div>
        {signingKeys.length === 0 ? (
          <p className="keyring-empty">No signing keys. Export one with gpg --export-secret-keys KEYID &gt; key.gpg and import it.</p>
        ) : (
          <ul className="keyring-list" data-testid="signing-keys">
            {signingKeys.map((k) => (
              <KeyRow key={k.fingerprint} info={k} extra={<> · {k.protected ? (k.passphraseSaved ? 'passphrase kept in the vault' : 'passphrase asked when signing') : 'no passphrase'}</>}>
                <CopyButton label="Copy public key" ariaLabel={`Copy the public key of ${k.userIds[0] ?? k.fingerprint}`} className="small" getText={() => k.publicKey} />
                {k.passphraseSaved && (
                  <button type="button" className="small" onClick={() => void api.forgetSigningPassphrase({ fingerprint: k.fingerprint }).then(reload)}>
                    Forget passphrase
                  </button>
                )}
                <button type="button" className="small danger-outline" aria-label={`Remove signing key ${k.userIds[0] ?? k.fingerprint}`} onClick={() => setRemoving({ kind: 'signing', fingerprint: k.fingerprint, name: k.userIds[0] ?? k.fingerprint })}>
                  Remove
                </button>
              </KeyRow>
            ))}
          </ul>
        )}
      </section>
      {removing && (
        <ConfirmDialog
          title={removing.kind === 'key' ? 'Remove this key?' : 'Delete this signing key?'}
          confirmLabel={removing.kind === 'key' ? 'Remove key' : 'Delete signing key'}
          onConfirm={() => (removing.kind === 'key' ? api.removeKey({ fingerprint: removing.fingerprint }) : api.removeSigningKey({ fingerprint: removing.fingerprint }))}
          onDone={() => {
            setRemoving(undefined);
            reload();
          }}
          onClose={() => setRemoving(undefined)}
          testId="remove-key-dialog"
        >
          <p>
            {removing.name} <code>{groupFingerprint(removing.fingerprint)}</code>
          </p>
          <p className="muted">
            {removing.kind === 'key' ? 'Charts signed by this key will show as signed by an unknown key.' : 'Its secret key is deleted from the vault; keep your own backup if you still need it. Its public key stays in the keyring.'}
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
