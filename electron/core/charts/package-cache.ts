/** A content-addressed cache of chart packages on disk, keyed by sha256 and verified on every read. */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { sha256Hex } from './digest';
import { writeFileAtomic } from '../store/atomic-write';
import { evictLeastRecentlyUsed, touchCacheFile } from '../storage/lru-evict';

/** True for the name of a cached package file (not a temp file being written). */
export function isPackageCacheFile(name: string): boolean {
  return /^sha256-[0-9a-f]{64}\.tgz$/.test(name);
}

/** Packages by digest. */
export interface PackageCache {
  /** The package whose sha256 is `digestHex`, or undefined (a damaged copy is removed and missed). */
  get(digestHex: string): Promise<Buffer | undefined>;
  /** Stores the bytes under their own digest; returns it. Failures to write are reported, not thrown. */
  put(bytes: Buffer): Promise<string>;
}

/** What the cache needs. */
export interface PackageCacheOptions {
  dir: string;
  /** Called when the cache cannot write (a full disk must not fail a download). */
  onWriteError?: (error: unknown) => void;
  /** The size the cache is kept under after each write, bytes (Settings; read each time); undefined: no limit. */
  limitBytes?: () => number | undefined;
}

/** Creates a cache under `dir` (one file per package, named by its digest). */
export function createPackageCache(options: PackageCacheOptions): PackageCache {
  const fileOf = (hex: string) => path.join(options.dir, `sha256-${hex}.tgz`);
  return {
    async get(digestHex) {
      if (!/^[0-9a-f]{64}$/.test(digestHex)) return undefined;
      let bytes: Buffer;
      try {
        bytes = await fs.readFile(fileOf(digestHex));
      } catch {
        return undefined;
      }
      if (sha256Hex(bytes) === digestHex) {
        await touchCacheFile(fileOf(digestHex));
        return bytes;
      }
      await fs.rm(fileOf(digestHex), { force: true }).catch(() => undefined);
      return undefined;
    },
    async put(bytes) {
      const hex = sha256Hex(bytes);
      try {
        await writeFileAtomic(fileOf(hex), bytes, 0o644);
        const limit = options.limitBytes?.();
        if (limit !== undefined) await evictLeastRecentlyUsed(options.dir, limit, isPackageCacheFile);
      } catch (error) {
        options.onWriteError?.(error);
      }
      return hex;
    },
  };
}
