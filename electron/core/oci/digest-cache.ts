/**
 * Registry manifests and config blobs on disk by digest: immutable, verified on every read, bounded in
 * size (least recently used files go first). Chart layers go to the package cache instead.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { sha256Hex } from '../charts/digest';
import { writeFileAtomic } from '../store/atomic-write';

/** Content by `sha256:<hex>` digest. */
export interface DigestCache {
  /** The bytes of `digest`, or undefined (a damaged file is removed and missed). */
  get(digest: string): Promise<Buffer | undefined>;
  /** Stores verified bytes under their digest; failures are reported, never thrown. */
  put(bytes: Buffer): Promise<void>;
}

/** What the cache needs. */
export interface DigestCacheOptions {
  dir: string;
  /** Most bytes kept (default 64 MiB); the least recently used files are removed past it. */
  maxBytes?: number;
  onWriteError?: (error: unknown) => void;
}

/** Creates the cache under `dir`. */
export function createDigestCache(options: DigestCacheOptions): DigestCache {
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  const fileOf = (hex: string) => path.join(options.dir, `sha256-${hex}`);
  let writesSinceTrim = 0;

  const trim = async () => {
    const names = (await fs.readdir(options.dir).catch(() => [] as string[])).filter((n) => n.startsWith('sha256-'));
    const files = await Promise.all(names.map(async (n) => ({ file: path.join(options.dir, n), stat: await fs.stat(path.join(options.dir, n)).catch(() => undefined) })));
    const present = files.filter((f): f is { file: string; stat: NonNullable<typeof f.stat> } => f.stat !== undefined).sort((a, b) => b.stat.mtimeMs - a.stat.mtimeMs);
    let total = 0;
    for (const { file, stat } of present) {
      total += stat.size;
      if (total > maxBytes) await fs.rm(file, { force: true }).catch(() => undefined);
    }
  };

  return {
    async get(digest) {
      const hex = /^sha256:([a-f0-9]{64})$/.exec(digest)?.[1];
      if (!hex) return undefined;
      let bytes: Buffer;
      try {
        bytes = await fs.readFile(fileOf(hex));
      } catch {
        return undefined;
      }
      if (sha256Hex(bytes) !== hex) {
        await fs.rm(fileOf(hex), { force: true }).catch(() => undefined);
        return undefined;
      }
      const now = new Date();
      await fs.utimes(fileOf(hex), now, now).catch(() => undefined);
      return bytes;
    },
    async put(bytes) {
      const hex = sha256Hex(bytes);
      try {
        await writeFileAtomic(fileOf(hex), bytes, 0o644);
        writesSinceTrim += 1;
        if (writesSinceTrim >= 64) {
          writesSinceTrim = 0;
          await trim();
        }
      } catch (error) {
        options.onWriteError?.(error);
      }
    },
  };
}
