import { ExportCommandsDialog } from '../features/repos/ExportCommandsDialog';
import { ImportHelmDialog } from '../features/repos/ImportHelmDialog';
import { RemoveRepoDialog } from '../features/repos/RemoveRepoDialog';
import { RepoDialog } from '../features/repos/RepoDialog';
import type { KeychainStatus, Repo } from '../features/repos/types';

/** Which dialog is open, with the repo it is about. */
export type OpenDialog = { kind: 'add' } | { kind: 'import' } | { kind: 'edit' | 'remove' | 'export'; repo: Repo } | undefined;

/** Props of AppDialogs. */
export interface AppDialogsProps {
  dialog: OpenDialog;
  onClose: () => void;
  /** A repo was added or saved (select it). */
  onSaved: (repo: Repo) => void;
  onRemoved: (repoId: string) => void;
  /** A call reported where secrets live now (or undefined: ask appInfo again). */
  onKeychain: (status?: KeychainStatus) => void;
  /** No usable keychain: secrets stay in memory for this session. */
  sessionOnly: boolean;
}

/** Renders the open dialog of the repo list, if any. */
export function AppDialogs({ dialog, onClose, onSaved, onRemoved, onKeychain, sessionOnly }: AppDialogsProps) {
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'add':
      return <RepoDialog onClose={onClose} onSaved={onSaved} onKeychain={onKeychain} sessionOnly={sessionOnly} />;
    case 'edit':
      return <RepoDialog repo={dialog.repo} onClose={onClose} onSaved={onSaved} onKeychain={onKeychain} sessionOnly={sessionOnly} />;
    case 'import':
      return <ImportHelmDialog onClose={onClose} onKeychain={onKeychain} />;
    case 'export':
      return <ExportCommandsDialog repo={dialog.repo} onClose={onClose} />;
    case 'remove':
      return <RemoveRepoDialog repo={dialog.repo} onClose={onClose} onRemoved={() => onRemoved(dialog.repo.id)} />;
  }
}
