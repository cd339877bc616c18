import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorBox } from '../../components/ErrorBox';
import { Field } from '../../components/Field';
import { toProblem, type Problem } from '../../components/problem';
import { ImportReport } from './ImportReport';
import type { HelmImportReport, KeychainStatus } from './types';
import './repo-dialog.css';

/** Imports Helm's repositories.yaml (default path or a chosen one) and shows the report. */
export function ImportHelmDialog({ onClose, onKeychain }: { onClose: () => void; onKeychain: (status: KeychainStatus) => void }) {
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const [report, setReport] = useState<HelmImportReport>();
  const run = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      const result = await api.importHelmRepos(path.trim() ? { path: path.trim() } : {});
      setReport(result);
      onKeychain(result.keychain);
    } catch (error) {
      setProblem(toProblem(error));
    } finally {
      setBusy(false);
    }
  };
  const footer = report ? (
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
    <Dialog title="Import repositories from Helm" onClose={onClose} busy={busy} footer={footer} testId="import-dialog">
      {report ? (
        <ImportReport report={report} />
      ) : (
        <form id="import-form" onSubmit={run}>
          <p className="muted">
            ChartDesk reads Helm’s <code>repositories.yaml</code>, adds each repo it does not have yet and moves plaintext passwords into the keychain. The file itself is not changed.
          </p>
          <Field label="repositories.yaml path" hint="Leave empty for Helm’s own file ($HELM_REPOSITORY_CONFIG, or ~/.config/helm/repositories.yaml).">
            {(p) => <input {...p} value={path} onChange={(e) => setPath(e.target.value)} placeholder="~/.config/helm/repositories.yaml" spellCheck={false} autoFocus />}
          </Field>
          {problem && <ErrorBox problem={problem} title="Nothing was imported" />}
        </form>
      )}
    </Dialog>
  );
}
