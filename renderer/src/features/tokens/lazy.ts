/** Token views loaded on demand. */
import { lazyView } from '../../lazy/lazyView';

/** The "Inspect a JWT" view (lazy JwtInspector). */
export const JwtInspector = lazyView(() => import('./JwtInspector').then((m) => m.JwtInspector));
/** A repo's Token tab (lazy TokenTab). */
export const TokenTab = lazyView(() => import('./TokenTab').then((m) => m.TokenTab));
