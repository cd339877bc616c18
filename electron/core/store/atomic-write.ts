/** Crash-safe file replacement: temp file in the same folder, fsync, rename, fsync the folder. */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';

const RETRYABLE_RENAME = new Set(['EPERM', 'EBUSY', 'EACCES']);

/** The prefix of the temp files written next to `file`. */
export function tempPrefix(file: string): string {
  return `.${path.basename(file)}.tmp-`;
}

/** Makes the folder (private to the user) if it does not exist. */
export async function ensureDir(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
}

async function renameWithRetry(from: string, to: string): Promise<void> {
  // Windows refuses to replace a file another process has open for a short while: retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (attempt >= 10 || !RETRYABLE_RENAME.has(code)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * (attempt + 1)));
    }
  }
}

/** Flushes a folder's entries (the rename) to disk; a no-op where folders cannot be opened (Windows). */
export async function syncDir(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (!['EISDIR', 'EPERM', 'EINVAL', 'EACCES', 'EBADF'].includes(code)) throw error;
  } finally {
    await handle?.close();
  }
}

/**
 * Replaces `file` with `data` so that a crash at any moment leaves either the old file or the new
 * one, never a mix: the data goes to a temp file in the same folder, is flushed, then renamed over.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array, mode = 0o600): Promise<void> {
  const dir = path.dirname(file);
  await ensureDir(dir);
  const temp = path.join(dir, `${tempPrefix(file)}${process.pid}-${randomBytes(6).toString('hex')}`);
  const handle = await open(temp, 'wx', mode);
  try {
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(temp, file);
  } catch (error) {
    // A full disk fails the write (or, on some file systems, the close): never leave the temp file behind.
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
  await syncDir(dir);
}

/** Removes temp files a killed process left next to `file`; call only while holding the file's lock. */
export async function removeStaleTemps(file: string): Promise<void> {
  const dir = path.dirname(file);
  const prefix = tempPrefix(file);
  const names = await readdir(dir).catch(() => [] as string[]);
  await Promise.all(names.filter((name) => name.startsWith(prefix)).map((name) => rm(path.join(dir, name), { force: true })));
}
