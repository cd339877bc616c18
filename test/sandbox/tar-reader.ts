/**
 * A bounded reader for gzip-compressed tar archives (chart packages), no disk writes: ChartDesk's
 * own tar parser (electron/core/charts/tar-stream) behind the error messages Go's archive/tar gives.
 */
import { gunzipSync } from 'node:zlib';
import { createTarStreamParser } from '../../electron/core/charts/tar-stream';

/** One regular file of the archive. */
export interface TarFile {
  name: string;
  mtime: Date;
  data: Buffer;
}

/** Caps that keep a hostile archive from exhausting memory or time. */
export interface TarLimits {
  maxUnpackedBytes: number;
  maxEntries: number;
}

/** Defaults: 64 MiB unpacked, 10,000 entries. */
export const DEFAULT_TAR_LIMITS: TarLimits = { maxUnpackedBytes: 64 * 1024 * 1024, maxEntries: 10_000 };

/** A malformed or oversized archive; the message reads like the Go error helm would give. */
export class TarError extends Error {}

/** Unpacks a .tgz into its regular files (ustar, pax and GNU long names), within the limits. */
export function readTgz(archive: Buffer, limits: TarLimits = DEFAULT_TAR_LIMITS): TarFile[] {
  let tar: Buffer;
  try {
    tar = gunzipSync(archive, { maxOutputLength: limits.maxUnpackedBytes });
  } catch (error) {
    if (error instanceof RangeError || (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new TarError('chart archive is too large once unpacked');
    }
    throw new TarError('gzip: invalid header');
  }
  const files: TarFile[] = [];
  let entries = 0;
  const parser = createTarStreamParser(
    {
      onEntry(entry) {
        entries += 1;
        if (entries > limits.maxEntries) throw new TarError('chart archive has too many entries');
        return entry.type === 'file';
      },
      onFile(entry, data) {
        files.push({ name: entry.path, mtime: new Date(entry.mtime * 1000), data });
      },
    },
    // Extended headers count too: a flood of them is refused as well.
    { maxEntries: limits.maxEntries * 3, maxMetaBytes: 1024 * 1024 },
  );
  try {
    parser.write(tar);
  } catch (error) {
    throw error instanceof TarError ? error : new TarError('archive/tar: invalid tar header');
  }
  try {
    parser.end();
  } catch {
    throw new TarError('unexpected EOF');
  }
  return files;
}
