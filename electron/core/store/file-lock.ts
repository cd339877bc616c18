/** A cross-process lock on one file (proper-lockfile: an atomic mkdir with stale detection). */
import lockfile from 'proper-lockfile';
import path from 'node:path';
import { ChartDeskError } from '../errors';
import { ensureDir } from './atomic-write';

/** Runs functions one at a time across threads of this process and across processes. */
export interface FileLock {
  run<T>(fn: () => Promise<T>): Promise<T>;
}

/** Lock timing; defaults suit the app and the CLI. */
export interface FileLockOptions {
  /** A lock not refreshed for this long belongs to a dead process and is taken over, ms (min 2000; default 10 000). */
  staleMs?: number;
  /** Longest wait for the lock, ms (default staleMs + 5000, so a dead holder's lock is always outlived). */
  waitMs?: number;
  /** What the lock protects, for the error message ("the repo list"). */
  what: string;
  /** Called when the lock was lost while held (the process stalled past staleMs). */
  onCompromised?: (error: Error) => void;
}

/** Creates a lock for `file` (the lock itself is the folder `<file>.lock`). */
export function createFileLock(file: string, options: FileLockOptions): FileLock {
  const staleMs = Math.max(options.staleMs ?? 10_000, 2000);
  const waitMs = options.waitMs ?? staleMs + 5000;
  let queue: Promise<unknown> = Promise.resolve();

  async function acquire(): Promise<() => Promise<void>> {
    await ensureDir(path.dirname(file));
    const deadline = Date.now() + waitMs;
    for (;;) {
      try {
        return await lockfile.lock(file, {
          realpath: false,
          stale: staleMs,
          retries: 0,
          onCompromised: (error) => options.onCompromised?.(error),
        });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
        if (Date.now() >= deadline) {
          throw new ChartDeskError('store', 'lock', `Another ChartDesk process has been changing ${options.what} for too long.`, {
            hint: 'Wait for it to finish, then try again.',
            cause: error,
          });
        }
        await new Promise((resolve) => setTimeout(resolve, 15 + Math.random() * 60));
      }
    }
  }

  return {
    run<T>(fn: () => Promise<T>): Promise<T> {
      const next = queue.then(async () => {
        const release = await acquire();
        try {
          return await fn();
        } finally {
          await release().catch(() => undefined);
        }
      });
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
