import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** ../shared/data beside the project: real indexes, charts and keys. */
export const SHARED_DATA = path.resolve(PROJECT_ROOT, '..', 'shared', 'data');
/** The built bundles. */
export const DIST = path.join(PROJECT_ROOT, 'dist');
