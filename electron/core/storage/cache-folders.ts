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

/** The folder names inside the data folder, for the services that write them. */
export const CACHE_DIRS = { offlineIndexes: 'index-offline', chartPackages: 'chart-cache', registryBlobs: 'registry-cache' } as const;

/** Every cache folder ChartDesk writes. Each is public data it can fetch again; none holds a secret. */
export const CACHE_FOLDERS: readonly CacheFolder[] = [
  { id: 'index-offline', folder: CACHE_DIRS.offlineIndexes, label: 'Offline index copies', description: 'The last good index.yaml of each repo, and what each OCI registry namespace listed, shown when it cannot be reached.' },
  { id: 'chart-cache', folder: CACHE_DIRS.chartPackages, label: 'Chart packages', description: 'Downloaded chart packages (.tgz, also OCI chart layers), by digest; verified on every read.', evictable: isPackageCacheFile },
  { id: 'registry-blobs', folder: CACHE_DIRS.registryBlobs, label: 'Registry manifests and configs', description: 'OCI manifests and chart configs by digest, so a registry namespace lists fast the second time; verified on every read, at most 64 MB.' },
];

/** The cache folder with this id, if any. */
export function cacheFolderById(id: string): CacheFolder | undefined {
  return CACHE_FOLDERS.find((c) => c.id === id);
}
