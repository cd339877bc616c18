/** The offline copy of each repo's last good index.yaml: raw bytes plus metadata, written atomically. */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../store/atomic-write';

/** What is known about a stored copy. */
export interface OfflineIndexMeta {
  /** The index URL the bytes came from. */
  url: string;
  etag?: string;
  lastModified?: string;
  /** ms epoch when the bytes were downloaded. */
  downloadedAt: number;
  /** ms epoch when the server last confirmed them (a download or a 304). */
  checkedAt: number;
  size: number;
  sha256: string;
}

/** A stored copy. */
export interface OfflineIndexCopy {
  meta: OfflineIndexMeta;
  bytes: Buffer;
}

/** Per-repo offline copies, keyed by repo id (or any string). */
export interface OfflineIndexStore {
  /** Metadata only, for conditional requests; undefined when there is no usable copy. */
  readMeta(key: string): Promise<OfflineIndexMeta | undefined>;
  /** The copy, its bytes checked against the recorded sha256; undefined when missing or damaged. */
  read(key: string): Promise<OfflineIndexCopy | undefined>;
  /** Replaces the copy (bytes first, then metadata, each atomically); resolves to the copy's sha256. */
  write(key: string, bytes: Buffer, meta: Omit<OfflineIndexMeta, 'size' | 'sha256'>): Promise<string>;
  /** Records that the server confirmed the copy (304), keeping the bytes; resolves to the copy's sha256 (undefined when there is none). */
  touch(key: string, checkedAt: number, validators: { etag?: string; lastModified?: string }): Promise<string | undefined>;
  remove(key: string): Promise<void>;
}

const MetaSchema = z.object({
  url: z.string(),
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  downloadedAt: z.number(),
  checkedAt: z.number(),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/** Creates a store under `dir`: one folder per key (named by a hash, so any key is a safe name). */
export function createOfflineIndexStore(dir: string): OfflineIndexStore {
  const folderOf = (key: string) => path.join(dir, createHash('sha256').update(key).digest('hex').slice(0, 32));
  const metaFile = (key: string) => path.join(folderOf(key), 'meta.json');
  const bodyFile = (key: string) => path.join(folderOf(key), 'index.body');

  const readMeta = async (key: string): Promise<OfflineIndexMeta | undefined> => {
    try {
      const parsed = MetaSchema.safeParse(JSON.parse(await fs.readFile(metaFile(key), 'utf8')));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  };
  const writeMeta = (key: string, meta: OfflineIndexMeta) => writeFileAtomic(metaFile(key), `${JSON.stringify({ ...meta, key })}\n`);

  return {
    readMeta,
    async read(key) {
      const meta = await readMeta(key);
      if (!meta) return undefined;
      let bytes: Buffer;
      try {
        bytes = await fs.readFile(bodyFile(key));
      } catch {
        return undefined;
      }
      if (bytes.length !== meta.size || createHash('sha256').update(bytes).digest('hex') !== meta.sha256) return undefined;
      return { meta, bytes };
    },
    async write(key, bytes, meta) {
      const full: OfflineIndexMeta = { ...meta, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
      await writeFileAtomic(bodyFile(key), bytes);
      await writeMeta(key, full);
      return full.sha256;
    },
    async touch(key, checkedAt, validators) {
      const meta = await readMeta(key);
      if (!meta) return undefined;
      await writeMeta(key, { ...meta, checkedAt, ...(validators.etag ? { etag: validators.etag } : {}), ...(validators.lastModified ? { lastModified: validators.lastModified } : {}) });
      return meta.sha256;
    },
    async remove(key) {
      await fs.rm(folderOf(key), { recursive: true, force: true });
    },
  };
}
