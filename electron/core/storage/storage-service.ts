/** Settings → Storage: the size of each cache folder, clearing them, and the package cache's size limit. */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import type { StorageReport } from '../../contract/housekeeping';
import { ChartDeskError } from '../errors';
import { storeError } from '../store/store-errors';
import { CACHE_FOLDERS, type CacheFolder } from './cache-folders';
import { folderUsage } from './folder-usage';
import { evictLeastRecentlyUsed, type EvictionResult } from './lru-evict';

/** What storageReport returns. */
export type StorageReportValue = z.output<typeof StorageReport>;

/** The caches of one data folder. */
export interface StorageService {
  report(): Promise<StorageReportValue>;
  /** Removes the files of one cache folder (by id) or of all ('all'); nothing outside them. */
  clear(id: string): Promise<EvictionResult>;
  /** Applies the size limit now (after it was lowered): least recently used packages out first. */
  trim(): Promise<EvictionResult>;
}

/** What the storage service needs. */
export interface StorageServiceOptions {
  dataDir: string;
  /** The package cache's size limit, bytes (Settings); undefined: none. */
  limitBytes: () => number | undefined;
  /** Whether the host can open the data folder in a file manager. */
  canOpenFolder: boolean;
  folders?: readonly CacheFolder[];
}

/** Creates the storage service over `options.dataDir`. */
export function createStorageService(options: StorageServiceOptions): StorageService {
  const folders = options.folders ?? CACHE_FOLDERS;
  const dirOf = (cache: CacheFolder) => path.join(options.dataDir, cache.folder);

  const clearOne = async (cache: CacheFolder): Promise<EvictionResult> => {
    const before = await folderUsage(dirOf(cache));
    try {
      await rm(dirOf(cache), { recursive: true, force: true });
    } catch (error) {
      throw storeError(error, 'clear-cache', `clear ${cache.label.toLowerCase()}`);
    }
    return { removedFiles: before.files, removedBytes: before.bytes };
  };

  return {
    async report() {
      const limit = options.limitBytes();
      const caches = await Promise.all(
        folders.map(async (cache) => ({
          id: cache.id,
          label: cache.label,
          description: cache.description,
          folder: dirOf(cache),
          ...(await folderUsage(dirOf(cache))),
          ...(cache.evictable && limit !== undefined ? { limitBytes: limit } : {}),
        })),
      );
      return { dataDir: options.dataDir, caches, totalBytes: caches.reduce((sum, c) => sum + c.bytes, 0), canOpenFolder: options.canOpenFolder };
    },
    async clear(id) {
      const chosen = id === 'all' ? folders : folders.filter((c) => c.id === id);
      if (chosen.length === 0) throw new ChartDeskError('not-found', 'clear-cache', `There is no cache called ${id.slice(0, 64)}.`, { hint: `The caches are: ${folders.map((c) => c.id).join(', ')}, or all.` });
      const total: EvictionResult = { removedFiles: 0, removedBytes: 0 };
      for (const cache of chosen) {
        const removed = await clearOne(cache);
        total.removedFiles += removed.removedFiles;
        total.removedBytes += removed.removedBytes;
      }
      return total;
    },
    async trim() {
      const limit = options.limitBytes();
      const total: EvictionResult = { removedFiles: 0, removedBytes: 0 };
      if (limit === undefined) return total;
      for (const cache of folders) {
        if (!cache.evictable) continue;
        const removed = await evictLeastRecentlyUsed(dirOf(cache), limit, cache.evictable);
        total.removedFiles += removed.removedFiles;
        total.removedBytes += removed.removedBytes;
      }
      return total;
    },
  };
}
