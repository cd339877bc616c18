/** The repo dialogs, loaded when one opens. */
import { lazyView } from '../../lazy/lazyView';

/** Add or edit a repo (lazy RepoDialog). */
export const RepoDialog = lazyView(() => import('./RepoDialog').then((m) => m.RepoDialog));
/** Import from Helm's repositories.yaml (lazy ImportHelmDialog). */
export const ImportHelmDialog = lazyView(() => import('./ImportHelmDialog').then((m) => m.ImportHelmDialog));
/** The Helm commands for a repo (lazy ExportCommandsDialog). */
export const ExportCommandsDialog = lazyView(() => import('./ExportCommandsDialog').then((m) => m.ExportCommandsDialog));
/** "Remove repo?" (lazy RemoveRepoDialog). */
export const RemoveRepoDialog = lazyView(() => import('./RemoveRepoDialog').then((m) => m.RemoveRepoDialog));
