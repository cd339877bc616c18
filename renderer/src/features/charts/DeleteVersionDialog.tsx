import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useAsync } from '../../hooks/useAsync';
import type { ChartVersion } from './types';

/** Props of the delete confirmation. */
export interface DeleteVersionDialogProps {
  repoId: string;
  repoName: string;
  chart: string;
  version: string;
  onDeleted: () => void;
  onCancel: () => void;
}

/** The entry of one version (the first when listed twice), decoding the versions up to it only: the version strings first, then the page that ends with it. */
async function versionEntry(repoId: string, chart: string, version: string): Promise<ChartVersion | undefined> {
  const first = await api.getChart({ repoId, name: chart, limit: 1 });
  const at = first.allVersions.indexOf(version);
  if (at < 0) return undefined;
  // Its row is enough (digest, URLs): the versions before it are read as rows too.
  const entry = at === 0 ? first.versions[0] : (await api.getChart({ repoId, name: chart, limit: at + 1, detailed: 0 })).versions[at];
  // A refresh in between may have moved the versions: no entry rather than another version's.
  return entry?.version === version ? entry : undefined;
}

/** What goes, named by its digest when the repo knows it: a registry's manifest, else the package. */
function DeletedThing({ repoId, chart, version }: { repoId: string; chart: string; version: string }) {
  const [state] = useAsync(() => versionEntry(repoId, chart, version), `${repoId}\n${chart}\n${version}`);
  const entry = state.status === 'ready' ? state.value : undefined;
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
