import { useRef, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CopyButton } from '../../components/CopyButton';
import { ErrorBox } from '../../components/ErrorBox';
import { Field } from '../../components/Field';
import { toProblem, type Problem } from '../../components/problem';
import { SecretInput } from '../../components/SecretInput';
import type { KeychainStatus, Repo } from '../repos/types';
import { RevealedSecret } from './RevealedSecret';

/** The repo's stored secret: whether there is one, reveal/copy on request, replace, forget. */
export function CredentialPanel({ repo, keychain, onKeychain }: { repo: Repo; keychain: KeychainStatus | undefined; onKeychain: (status: KeychainStatus) => void }) {
  const [replacing, setReplacing] = useState(false);
  const [forgetting, setForgetting] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const secretRef = useRef<HTMLInputElement>(null);
  const where = keychain?.state === 'available' ? 'in the OS keychain' : 'in memory for this session';

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await work();
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    const secret = secretRef.current?.value ?? '';
    if (!secret) return;
    void act(async () => {
      const result = await api.setCredential({ repoId: repo.id, secret });
      if (secretRef.current) secretRef.current.value = '';
      onKeychain(result.keychain);
      setReplacing(false);
    });
  };
  const revealSecret = async () => (await api.revealCredential({ repoId: repo.id })).secret ?? '';

  return (
    <section className="panel" aria-labelledby="credential-title" data-testid="credential-panel">
      <h3 id="credential-title" className="section-title">
        Stored credential
      </h3>
      <p>
        {repo.hasSecret ? (
          <>
            A secret is stored {where}
            {repo.auth.username ? (
              <>
                {' '}
                for user <code>{repo.auth.username}</code>
              </>
            ) : null}
            . It is sent only to {repo.auth.mode === 'token-server' ? 'the approved token server' : 'this repo’s origin'}.
          </>
        ) : repo.auth.mode === 'none' ? (
          'This repo needs no credential.'
        ) : (
          'No secret is stored yet. Store one to connect.'
        )}
      </p>
      {repo.hasSecret && <RevealedSecret reveal={revealSecret} />}
      <div className="button-row">
        {repo.hasSecret && <CopyButton label="Copy secret" getText={revealSecret} />}
        {repo.auth.mode !== 'none' && (
          <button type="button" onClick={() => setReplacing((r) => !r)} aria-expanded={replacing}>
            {repo.hasSecret ? 'Replace…' : 'Store a secret…'}
          </button>
        )}
        {repo.hasSecret && (
          <button type="button" className="danger-outline" disabled={busy} onClick={() => setForgetting(true)}>
            Forget
          </button>
        )}
      </div>
      {replacing && (
        <form className="inline-form" onSubmit={save}>
          <Field label="New secret" hint="Sent once to the keychain; the old one is replaced.">
            {(p) => <SecretInput {...p} inputRef={secretRef} testId="replace-secret-input" />}
          </Field>
          <button type="submit" className="primary" disabled={busy}>
            Save secret
          </button>
        </form>
      )}
      {problem && <ErrorBox problem={problem} title="The credential could not be changed" />}
      {forgetting && (
        <ConfirmDialog title="Forget the stored secret?" confirmLabel="Forget secret" onConfirm={() => api.clearCredential({ repoId: repo.id })} onDone={() => setForgetting(false)} onClose={() => setForgetting(false)}>
          <p>
            The secret of <strong>{repo.name}</strong> is deleted from {where}. You will need to type it again to connect.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
