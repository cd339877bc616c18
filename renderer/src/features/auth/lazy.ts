/** Auth parts loaded on demand. */
import { lazyView } from '../../lazy/lazyView';

/** A repo's Connection tab (lazy ConnectionTab). */
export const ConnectionTab = lazyView(() => import('./ConnectionTab').then((m) => m.ConnectionTab));
