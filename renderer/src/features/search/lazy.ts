/** The search over every repo: the view loads when opened; the palette is eager, so keys typed right after Ctrl/Cmd+Shift+K are not lost. */
import { lazyView } from '../../lazy/lazyView';

/** The "All repositories" view (lazy AllReposView). */
export const AllReposView = lazyView(() => import('./AllReposView').then((m) => m.AllReposView));
/** The palette's dialog (in the first chunk: it must take typing at once). */
export { SearchPaletteDialog } from './SearchPaletteDialog';
