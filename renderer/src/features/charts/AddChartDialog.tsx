import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { ErrorBox } from '../../components/ErrorBox';
import { Field } from '../../components/Field';
import { toProblem, type Problem } from '../../components/problem';

/** Props of the Add chart dialog. */
export interface AddChartDialogProps {
  repoId: string;
  /** The repo's location, for the example. */
  location: string;
  onAdded: (chart: string) => void;
  onClose: () => void;
}

/** Names a chart of a registry that does not list its repositories: a name, or a full oci:// URL under the repo. */
export function AddChartDialog({ repoId, location, onAdded, onClose }: AddChartDialogProps) {
  const [chart, setChart] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chart.trim()) return;
    setBusy(true);
    setProblem(undefined);
    try {
      const before = new Set((await api.listRepos({})).find((r) => r.id === repoId)?.charts ?? []);
      const repo = await api.addNamedChart({ repoId, chart: chart.trim() });
      onAdded(repo.charts.find((c) => !before.has(c)) ?? chart.trim());
    } catch (error) {
      setProblem(toProblem(error));
      setBusy(false);
    }
  };
  const footer = (
    <>
      <button type="button" onClick={onClose} disabled={busy}>
        Cancel
      </button>
      <button type="submit" form="add-chart-form" className="primary" disabled={busy || !chart.trim()}>
        {busy ? 'Adding…' : 'Add chart'}
      </button>
    </>
  );
  return (
    <Dialog title="Add a chart by name" onClose={onClose} busy={busy} footer={footer} size="sm" testId="add-chart-dialog">
      <form id="add-chart-form" onSubmit={submit} noValidate>
        <Field label="Chart" hint={`Its name in ${location}, or its full URL (${location}/mychart).`}>
          {(p) => <input {...p} value={chart} onChange={(e) => setChart(e.target.value)} placeholder="mychart" spellCheck={false} autoFocus data-testid="add-chart-input" />}
        </Field>
        {problem && <ErrorBox problem={problem} title="The chart could not be added" />}
      </form>
    </Dialog>
  );
}
