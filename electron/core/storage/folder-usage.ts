/** How much a folder holds on disk: the sum of its files' sizes, symlinks not followed. */
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** Files and bytes under a folder. */
export interface FolderUsage {
  files: number;
  bytes: number;
}

/** Sums the sizes of every regular file below `dir` (0 when it does not exist); never follows a link. */
export async function folderUsage(dir: string): Promise<FolderUsage> {
  const usage: FolderUsage = { files: 0, bytes: 0 };
  const walk = async (folder: string): Promise<void> => {
    const entries = await fs.readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile()) {
        const stat = await fs.lstat(full).catch(() => undefined);
        if (!stat) continue;
        usage.files += 1;
        usage.bytes += stat.size;
      }
    }
  };
  await walk(dir);
  return usage;
}
