/** Keeps a folder of cache files under a size: the least recently used files go first. */
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** What an eviction removed. */
export interface EvictionResult {
  removedFiles: number;
  removedBytes: number;
}

/** Marks a cache file as just used (reads do this), so eviction keeps it longest. */
export async function touchCacheFile(file: string, now: Date = new Date()): Promise<void> {
  await fs.utimes(file, now, now).catch(() => undefined);
}

/**
 * Removes files of `dir` whose names pass `isEntry`, least recently used first (the later of
 * access and modification time; reads touch both), until the rest fit in `limitBytes`.
 * Other files (temp files being written) are neither counted nor removed.
 */
export async function evictLeastRecentlyUsed(dir: string, limitBytes: number, isEntry: (name: string) => boolean): Promise<EvictionResult> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const entries: { file: string; size: number; usedAt: number }[] = [];
  for (const name of names) {
    if (!isEntry(name)) continue;
    const file = path.join(dir, name);
    const stat = await fs.lstat(file).catch(() => undefined);
    if (!stat?.isFile()) continue;
    entries.push({ file, size: stat.size, usedAt: Math.max(stat.atimeMs, stat.mtimeMs) });
  }
  let total = entries.reduce((sum, e) => sum + e.size, 0);
  const result: EvictionResult = { removedFiles: 0, removedBytes: 0 };
  entries.sort((a, b) => a.usedAt - b.usedAt);
  for (const entry of entries) {
    if (total <= limitBytes) break;
    await fs.rm(entry.file, { force: true });
    total -= entry.size;
    result.removedFiles += 1;
    result.removedBytes += entry.size;
  }
  return result;
}
