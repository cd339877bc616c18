import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useAsync } from '../../hooks/useAsync';

/** Props of the delete confirmation. */
export interface DeleteVersionDialogProps {
  repoId: string;
  repoName: string;
  chart: string;
  version: string;
  onDeleted: () => void;
  onCancel: () => void;
}

/** What goes, named by its digest when the repo knows it: a registry's manifest, else the package. */
function DeletedThing({ repoId, chart, version }: { repoId: string; chart: string; version: string }) {
  const [state] = useAsync(() => api.getChart({ repoId, name: chart }), `${repoId}\n${chart}`);
  const entry = state.status === 'ready' ? state.value.versions.find((v) => v.version === version) : undefined;
  if (entry?.tag !== undefined) {
    return (
      <>
        the manifest tagged <strong className="mono">{entry.tag}</strong>
        {entry.manifestDigest && (
          <>
            {' '}
            (<code data-testid="delete-digest">{entry.manifestDigest}</code>)
          </>
        )}
      </>
    );
  }
  return (
    <>
      <strong>
        {chart}-{version}.tgz
      </strong>
      {entry?.digest && (
        <>
          {' '}
          (sha256 <code data-testid="delete-digest">{entry.digest}</code>)
        </>
      )}
    </>
  );
}

/** Asks before deleting a chart version (ChartMuseum's API or a registry manifest, push scope), naming version and digest; a failure shows in the dialog. */
export function DeleteVersionDialog({ repoId, repoName, chart, version, onDeleted, onCancel }: DeleteVersionDialogProps) {
  return (
    <ConfirmDialog
      title={`Delete ${chart} ${version}?`}
      confirmLabel="Delete version"
      onConfirm={() => api.deleteChartVersion({ repoId, name: chart, version })}
      onDone={onDeleted}
      onClose={onCancel}
      testId="delete-dialog"
    >
      <p className="delete-what">
        This removes <DeletedThing repoId={repoId} chart={chart} version={version} /> from {repoName}. Anyone installing this version gets an error afterwards. It cannot be undone.
      </p>
    </ConfirmDialog>
  );
}
