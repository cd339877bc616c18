/**
 * A JSON document on disk that is hard to lose: atomic writes, a backup of the last good version,
 * recovery from a damaged file (kept aside, backup loaded, the user told) and read-modify-write
 * under a cross-process lock.
 */
import { readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { removeStaleTemps, writeFileAtomic } from './atomic-write';
import { createFileLock, type FileLock, type FileLockOptions } from './file-lock';
import { errnoCode, storeError } from './store-errors';

/** Thrown by a document's parser when the content is damaged (as opposed to, say, too new). */
export class CorruptDocumentError extends Error {
  override name = 'CorruptDocumentError';
}

/** How to read, check and write one kind of document. */
export interface DocumentFormat<T> {
  /** Checks (and migrates) parsed JSON; throws CorruptDocumentError when it is damaged. */
  parse(json: unknown): T;
  serialize(doc: T): string;
  empty(): T;
}

/** What the durable file needs. */
export interface DurableFileOptions<T> {
  path: string;
  format: DocumentFormat<T>;
  /** What the file holds, in words ("the repo list"), for messages. */
  what: string;
  /** Tells the user something happened to their data. */
  notify: (level: 'info' | 'warning', message: string) => void;
  now?: () => number;
  lock?: Omit<FileLockOptions, 'what'>;
  /** What the app starts with when the file is lost, in words (default "an empty list"). */
  emptyWords?: string;
}

/** One durable document. */
export interface DurableFile<T> {
  /** The current document (the empty one when the file does not exist yet). */
  read(): Promise<T>;
  /** Runs `change` on the current document under the lock and writes its result, if it returns one. */
  update<R>(change: (doc: T) => Promise<{ next?: T; result: R }> | { next?: T; result: R }): Promise<R>;
  /** Moves the file (and its backup) aside under `<path>.<label>-<time>`, e.g. when it cannot be used. */
  setAside(label: string): Promise<string | undefined>;
  /** Deletes the file, its backup and every copy set aside (`<path>.<label>-<time>`), under the lock. */
  remove(): Promise<void>;
}

type Loaded<T> = { doc: T; raw: string | undefined };

function stamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[:.]/g, '-');
}

/** Opens a durable document at `options.path` (nothing is created until the first update). */
export function createDurableFile<T>(options: DurableFileOptions<T>): DurableFile<T> {
  const { path: file, format } = options;
  const backup = `${file}.bak`;
  const now = options.now ?? Date.now;
  const lock: FileLock = createFileLock(file, { ...options.lock, what: options.what });

  async function readText(target: string): Promise<string | undefined> {
    try {
      return await readFile(target, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  function parseText(raw: string): T {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      throw new CorruptDocumentError(`not valid JSON (${error instanceof Error ? error.name : 'error'})`);
    }
    return format.parse(json);
  }

  /** Reads the file; on damage returns undefined so the caller can recover under the lock. */
  async function tryLoad(): Promise<Loaded<T> | 'corrupt'> {
    const raw = await readText(file);
    if (raw === undefined) return { doc: format.empty(), raw };
    try {
      return { doc: parseText(raw), raw };
    } catch (error) {
      if (error instanceof CorruptDocumentError) return 'corrupt';
      throw error;
    }
  }

  async function recover(): Promise<Loaded<T>> {
    const again = await tryLoad();
    if (again !== 'corrupt') return again; // another process already recovered it
    const aside = `${file}.corrupt-${stamp(now())}`;
    await rename(file, aside);
    const backupRaw = await readText(backup);
    let restored: Loaded<T> | undefined;
    if (backupRaw !== undefined) {
      try {
        restored = { doc: parseText(backupRaw), raw: backupRaw };
      } catch (error) {
        if (!(error instanceof CorruptDocumentError)) throw error;
      }
    }
    if (restored?.raw !== undefined) {
      await writeFileAtomic(file, restored.raw);
      options.notify('warning', `The file holding ${options.what} was damaged. It was kept aside as ${aside} and the last good version was restored from its backup; recent changes may be missing.`);
      return restored;
    }
    options.notify('warning', `The file holding ${options.what} was damaged and no usable backup exists. It was kept aside as ${aside}; ChartDesk starts with ${options.emptyWords ?? 'an empty list'}.`);
    return { doc: format.empty(), raw: undefined };
  }

  async function loadLocked(): Promise<Loaded<T>> {
    const loaded = await tryLoad();
    return loaded === 'corrupt' ? recover() : loaded;
  }

  return {
    async read() {
      try {
        const loaded = await tryLoad();
        if (loaded !== 'corrupt') return loaded.doc;
        return (await lock.run(recover)).doc;
      } catch (error) {
        throw errnoCode(error) ? storeError(error, 'load', `read ${options.what}`) : error;
      }
    },
    update(change) {
      return lock.run(async () => {
        const current = await loadLocked();
        const { next, result } = await change(current.doc);
        if (next === undefined) return result;
        await Promise.all([removeStaleTemps(file), removeStaleTemps(backup)]);
        // The backup gets the current (good) version first: a failure at any point leaves the file as it was.
        if (current.raw !== undefined) await writeFileAtomic(backup, current.raw);
        await writeFileAtomic(file, format.serialize(next));
        return result;
      }).catch((error: unknown) => {
        throw errnoCode(error) ? storeError(error, 'save', `save ${options.what}`, { unchanged: true }) : error;
      });
    },
    setAside(label) {
      return lock.run(async () => {
        if ((await readText(file)) === undefined) return undefined;
        const aside = `${file}.${label}-${stamp(now())}`;
        await rename(file, aside);
        await rename(backup, `${aside}.bak`).catch(() => undefined);
        return aside;
      }).catch((error: unknown) => {
        throw errnoCode(error) ? storeError(error, 'save', `move ${options.what} aside`) : error;
      });
    },
    remove() {
      return lock.run(async () => {
        const base = path.basename(file);
        const names = await readdir(path.dirname(file)).catch(() => [] as string[]);
        // The file, its backup, copies set aside and temp files; never the lock folder itself.
        const ours = names.filter((name) => name === base || (name.startsWith(`${base}.`) && name !== `${base}.lock`) || name.startsWith(`.${base}.`));
        await Promise.all(ours.map((name) => rm(path.join(path.dirname(file), name), { force: true, recursive: true })));
      }).catch((error: unknown) => {
        throw errnoCode(error) ? storeError(error, 'save', `delete ${options.what}`) : error;
      });
    },
  };
}
