/** The cache folders inside the data folder: what Settings → Storage measures and clears, and nothing else. */
import { isPackageCacheFile } from '../charts/package-cache';

/** One cache folder. */
export interface CacheFolder {
  /** Stable id (the contract's clearCache names it). */
  id: string;
  /** The folder's name inside the data folder. */
  folder: string;
  label: string;
  /** What it holds, in a sentence for the user. */
  description: string;
  /** When the package cache's size limit (Settings) applies to it: which of its files are entries that may be evicted. */
  evictable?: (name: string) => boolean;
}

/** Every cache folder ChartDesk writes. Each is public data it can fetch again; none holds a secret. */
export const CACHE_FOLDERS: readonly CacheFolder[] = [
  { id: 'index-offline', folder: 'index-offline', label: 'Offline index copies', description: 'The last good index.yaml of each repo, shown when the repo cannot be reached.' },
  { id: 'chart-cache', folder: 'chart-cache', label: 'Chart packages', description: 'Downloaded chart packages (.tgz), by digest; verified on every read.', evictable: isPackageCacheFile },
  // OCI registries: add the registry blob cache here, e.g. { id: 'registry-blobs', folder: 'oci-blobs', label: 'Registry blobs', description: '…' },
];

/** The cache folder with this id, if any. */
export function cacheFolderById(id: string): CacheFolder | undefined {
  return CACHE_FOLDERS.find((c) => c.id === id);
}
