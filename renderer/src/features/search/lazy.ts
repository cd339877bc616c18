/** The search over every repo, loaded when the view or the palette opens. */
import { lazyView } from '../../lazy/lazyView';

/** The "All repositories" view (lazy AllReposView). */
export const AllReposView = lazyView(() => import('./AllReposView').then((m) => m.AllReposView));
/** The palette's dialog (lazy SearchPaletteDialog). */
export const SearchPaletteDialog = lazyView(() => import('./SearchPaletteDialog').then((m) => m.SearchPaletteDialog));
