import { api } from '../../api/client';
import { CopyButton } from '../../components/CopyButton';
import { Dialog } from '../../components/Dialog';
import { ErrorBox } from '../../components/ErrorBox';
import { toProblem } from '../../components/problem';
import { Loading } from '../../components/States';
import { useAsync } from '../../hooks/useAsync';
import { CredentialHelperPanel } from './CredentialHelperPanel';
import type { Repo } from './types';
import './repo-dialog.css';

/** Shows the helm commands that use a repo (never a secret), each line and the whole script copyable; for a registry, ChartDesk's keychain for helm and docker. */
export function ExportCommandsDialog({ repo, onClose }: { repo: Repo; onClose: () => void }) {
  const [commands] = useAsync(() => api.exportRepoCommands({ repoId: repo.id }), repo.id);
  const footer = (
    <>
      {commands.status === 'ready' && <CopyButton label="Copy all" getText={() => commands.value.script} testId="copy-script" />}
      <button type="button" className="primary" onClick={onClose}>
        Close
      </button>
    </>
  );
  return (
    <Dialog title={`Use ${repo.name} with helm`} onClose={onClose} footer={footer} size="lg" testId="export-dialog">
      {commands.status === 'loading' && <Loading label="Preparing the commands…" />}
      {commands.status === 'error' && <ErrorBox problem={toProblem(commands.error)} title="The commands could not be prepared" />}
      {commands.status === 'ready' && (
        <>
          <p className="muted" data-testid="export-helm">
            For {commands.value.helm}.
          </p>
          {commands.value.needsCmPush && (
            <p className="inline-note">
              These commands need the helm-push (cm-push) plugin: plain <code>helm</code> cannot send a bearer token to a chart repo.
            </p>
          )}
          <ol className="script-lines" aria-label="Commands">
            {commands.value.script
              .split('\n')
              .filter((line) => line.length > 0)
              .map((line, i) => (
                <li key={i} className={line.startsWith('#') ? 'script-comment' : 'script-command'}>
                  <code>{line}</code>
                  {!line.startsWith('#') && <CopyButton label="Copy" ariaLabel={`Copy: ${line}`} getText={() => line} className="small" />}
                </li>
              ))}
          </ol>
          {commands.value.credentialHelper && <CredentialHelperPanel repo={repo} />}
        </>
      )}
    </Dialog>
  );
}
