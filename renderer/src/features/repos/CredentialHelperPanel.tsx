import { useState } from 'react';
import type { MethodOutput } from '../../../../electron/contract';
import { api } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { toProblem } from '../../components/problem';
import { Loading } from '../../components/States';
import { useAsync } from '../../hooks/useAsync';
import type { Repo } from './types';

type HelperFile = MethodOutput<'credentialHelperStatus'>['files'][number];

const TOOL_WORDS: Record<HelperFile['format'], string> = { docker: 'Docker (and ORAS)', helm: 'Helm', podman: 'Podman and skopeo' };

/**
 * "Use ChartDesk's keychain for helm and docker": each tool config file that can send the
 * registry's host to docker-credential-chartdesk, with Use and Undo, and the launcher that puts
 * the helper on the PATH.
 */
export function CredentialHelperPanel({ repo }: { repo: Repo }) {
  const [generation, setGeneration] = useState(0);
  const [status] = useAsync(() => api.credentialHelperStatus({ repoId: repo.id }), `${repo.id}:${repo.hasSecret}:${generation}`);
  const [busy, setBusy] = useState<string>();
  const [said, setSaid] = useState<{ text: string; error?: boolean }>();
  const act = async (key: string, work: () => Promise<{ message: string }>) => {
    setBusy(key);
    try {
      setSaid({ text: (await work()).message });
    } catch (error) {
      setSaid({ text: toProblem(error).message, error: true });
    } finally {
      setBusy(undefined);
      setGeneration((g) => g + 1);
    }
  };
  if (status.status === 'loading') return <Loading label="Reading the tools’ config files…" />;
  if (status.status === 'error') return <ErrorBox problem={toProblem(status.error)} title="The tools’ config files could not be read" />;
  const s = status.value;
  return (
    <section className="helper-panel" aria-labelledby="helper-panel-title" data-testid="credential-helper">
      <h3 id="helper-panel-title" className="section-title">
        Use ChartDesk’s keychain for helm and docker
      </h3>
      <p className="field-hint">
        Tools that read <code>credHelpers</code> (Helm 3 and 4, Docker, Podman, skopeo, ORAS) then ask ChartDesk for the login of <code>{s.host}</code> instead of keeping their own copy in a file.
      </p>
      {!s.canHandOver && s.reason && <p className="inline-note">{s.reason}</p>}
      <table className="data-table helper-files">
        <thead>
          <tr>
            <th scope="col">Tool</th>
            <th scope="col">Config file</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {s.files.map((file) => (
            <tr key={file.path} data-testid="helper-file" data-format={file.format} data-uses={file.uses}>
              <td>{TOOL_WORDS[file.format]}</td>
              <td>
                <code className="helper-path">{file.path}</code>
                <p className="muted">{file.uses ? `Sends ${s.key} to ChartDesk.` : file.exists ? 'Keeps its own login (or none) for this registry.' : 'Not created yet.'}</p>
              </td>
              <td>
                <button
                  type="button"
                  className="small"
                  disabled={busy !== undefined}
                  onClick={() => void act(file.path, () => api.useCredentialHelper({ repoId: repo.id, path: file.path, undo: file.uses }))}
                  aria-label={file.uses ? `Undo: stop sending ${s.key} to ChartDesk in ${file.path}` : `Use ChartDesk in ${file.path}`}
                >
                  {file.uses ? 'Undo' : 'Use ChartDesk'}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {s.onPath ? (
        <p className="field-hint" data-testid="helper-on-path">
          <code>docker-credential-chartdesk</code> is on the PATH: {s.onPath}
        </p>
      ) : s.launcherInstalled ? (
        <p className="field-hint" data-testid="helper-launcher">
          The launcher is in {s.launcherDir}, which is not on your PATH: add it (for example in ~/.profile) so tools find <code>docker-credential-chartdesk</code>.
        </p>
      ) : (
        <div className="button-row">
          <p className="field-hint">
            Tools find the helper on the PATH, and <code>docker-credential-chartdesk</code> is not there yet.
            {!s.launcherDirOnPath && ` ${s.launcherDir} is not on your PATH either: add it after installing.`}
          </p>
          <button type="button" className="small" disabled={busy !== undefined} onClick={() => void act('launcher', () => api.installHelperLauncher({}))}>
            Install launcher in {s.launcherDir}
          </button>
        </div>
      )}
      {said && (
        <p className={said.error ? 'field-error' : 'inline-note'} role="status" data-testid="helper-message">
          {said.text}
        </p>
      )}
      {!s.writesAllowed && <p className="field-hint">A docker login or helm registry login cannot change what ChartDesk stores unless you allow it in Settings → Keychain.</p>}
    </section>
  );
}
