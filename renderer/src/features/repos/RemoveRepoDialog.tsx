import { api } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import type { Repo } from './types';

/** Asks before removing a repo and its stored secret; charts on the server are not touched. */
export function RemoveRepoDialog({ repo, onClose, onRemoved }: { repo: Repo; onClose: () => void; onRemoved: () => void }) {
  return (
    <ConfirmDialog title={`Remove ${repo.name}?`} confirmLabel="Remove repository" onConfirm={() => api.removeRepo({ repoId: repo.id })} onDone={onRemoved} onClose={onClose} testId="remove-dialog">
      <p>
        ChartDesk forgets <strong>{repo.name}</strong> (<code>{repo.url}</code>)
        {repo.hasSecret ? ' and deletes its stored secret' : ''}. Charts on the server are not touched.
      </p>
    </ConfirmDialog>
  );
}
