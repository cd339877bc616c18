import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';

/** Props of the delete confirmation. */
export interface DeleteVersionDialogProps {
  repoId: string;
  repoName: string;
  chart: string;
  version: string;
  onDeleted: () => void;
  onCancel: () => void;
}

/** Asks before deleting a chart version from ChartMuseum (push scope), then deletes it; a failure shows in the dialog. */
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
      <p>
        This removes <strong>{chart}-{version}.tgz</strong> from {repoName}. Anyone installing this version gets an error afterwards. It cannot be undone.
      </p>
    </ConfirmDialog>
  );
}
