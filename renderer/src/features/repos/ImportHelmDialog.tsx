import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorBox } from '../../components/ErrorBox';
import { Field } from '../../components/Field';
import { toProblem, type Problem } from '../../components/problem';
import type { MethodOutput } from '../../../../electron/contract';
import { ImportReport } from './ImportReport';
import { RegistryImportReport } from './RegistryImportReport';
import type { HelmImportReport, KeychainStatus } from './types';
import './repo-dialog.css';

type Source = 'helm' | 'registry';

const SOURCES: Record<Source, { title: string; label: string; hint: string; placeholder: string }> = {
  helm: {
    title: 'Import repositories from Helm',
    label: 'repositories.yaml path',
    hint: 'Leave empty for Helm’s own file ($HELM_REPOSITORY_CONFIG, or ~/.config/helm/repositories.yaml).',
    placeholder: '~/.config/helm/repositories.yaml',
  },
  registry: {
    title: 'Import registry logins',
    label: 'Auth file path',
    hint: 'Leave empty to read Docker’s ~/.docker/config.json, Helm’s registry/config.json and Podman’s auth.json. Credential helpers they name (credHelpers, credsStore) are asked.',
    placeholder: '~/.docker/config.json',
  },
};

/** Imports Helm's repositories.yaml, or the registry logins of Docker, Helm and Podman (default paths or a chosen file), and shows the report. */
export function ImportHelmDialog({ onClose, onKeychain }: { onClose: () => void; onKeychain: (status: KeychainStatus) => void }) {
  const [source, setSource] = useState<Source>('helm');
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [report, setReport] = useState<HelmImportReport>();
  const [registryReport, setRegistryReport] = useState<MethodOutput<'importRegistryAuth'>>();
  const run = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      const input = path.trim() ? { path: path.trim() } : {};
      const result = source === 'helm' ? await api.importHelmRepos(input) : await api.importRegistryAuth(input);
      if (source === 'helm') setReport(result as HelmImportReport);
      else setRegistryReport(result as MethodOutput<'importRegistryAuth'>);
      onKeychain(result.keychain);
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };
  const done = report ?? registryReport;
  const footer = done ? (
    <button type="button" className="primary" onClick={onClose}>
      Done
    </button>
  ) : (
    <>
      <button type="button" onClick={onClose} disabled={busy}>
        Cancel
      </button>
      <button type="submit" form="import-form" className="primary" disabled={busy}>
        {busy ? 'Importing…' : 'Import'}
      </button>
    </>
  );
  return (
    <Dialog title={SOURCES[source].title} onClose={onClose} busy={busy} footer={footer} testId="import-dialog">
      {report ? (
        <ImportReport report={report} />
      ) : registryReport ? (
        <RegistryImportReport report={registryReport} />
      ) : (
        <form id="import-form" onSubmit={run}>
          <fieldset className="import-source">
            <legend>Import from</legend>
            <label>
              <input type="radio" name="import-source" checked={source === 'helm'} onChange={() => setSource('helm')} /> Helm’s chart repositories (repositories.yaml)
            </label>
            <label>
              <input type="radio" name="import-source" checked={source === 'registry'} onChange={() => setSource('registry')} data-testid="import-registry-logins" /> Registry logins (Docker, Helm, Podman)
            </label>
          </fieldset>
          <p className="muted">
            {source === 'helm' ? (
              <>
                ChartDesk reads Helm’s <code>repositories.yaml</code>, adds each repo it does not have yet and moves plaintext passwords into the keychain. The file itself is not changed.
              </>
            ) : (
              'ChartDesk adds each registry login as an OCI repo and moves its password or identity token into the keychain. The files are not changed.'
            )}
          </p>
          <Field label={SOURCES[source].label} hint={SOURCES[source].hint}>
            {(p) => <input {...p} value={path} onChange={(e) => setPath(e.target.value)} placeholder={SOURCES[source].placeholder} spellCheck={false} autoFocus />}
          </Field>
          {problem && <ErrorBox problem={problem} title="Nothing was imported" />}
        </form>
      )}
    </Dialog>
  );
}
