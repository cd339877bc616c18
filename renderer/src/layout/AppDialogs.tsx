import { ExportCommandsDialog, ImportHelmDialog, RemoveRepoDialog, RepoDialog } from '../features/repos/lazy';
import type { KeychainStatus, Repo } from '../features/repos/types';
import { LazyDialog } from '../lazy/LazyDialog';

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

/** Renders the open dialog of the repo list, if any, once its code has loaded. */
export function AppDialogs(props: AppDialogsProps) {
  if (!props.dialog) return null;
  return (
    <LazyDialog key={props.dialog.kind} onClose={props.onClose}>
      <OpenRepoDialog {...props} dialog={props.dialog} />
    </LazyDialog>
  );
}

function OpenRepoDialog({ dialog, onClose, onSaved, onRemoved, onKeychain, sessionOnly }: AppDialogsProps & { dialog: NonNullable<OpenDialog> }) {
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
