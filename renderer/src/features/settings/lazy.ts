/** Settings parts loaded on demand. */
import { lazyView } from '../../lazy/lazyView';

/** The Settings view (lazy SettingsView). */
export const SettingsView = lazyView(() => import('./SettingsView').then((m) => m.SettingsView));
/** Import an export file (lazy ImportAllDialog). */
export const ImportAllDialog = lazyView(() => import('./ImportAllDialog').then((m) => m.ImportAllDialog));
