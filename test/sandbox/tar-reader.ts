/** A small, bounded reader for gzip-compressed tar archives (chart packages): no disk writes. */
import { gunzipSync } from 'node:zlib';

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

function cString(block: Buffer, start: number, length: number): string {
  const field = block.subarray(start, start + length);
  const end = field.indexOf(0);
  return field.subarray(0, end === -1 ? field.length : end).toString('utf8');
}

function octal(block: Buffer, start: number, length: number): number {
  const field = block.subarray(start, start + length);
  if (field[0] !== undefined && (field[0] & 0x80) !== 0) {
    let value = 0; // GNU base-256 encoding
    for (let i = 1; i < field.length; i += 1) value = value * 256 + (field[i] ?? 0);
    return value;
  }
  const text = cString(block, start, length).trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) throw new TarError('archive/tar: invalid tar header');
  return parseInt(text, 8);
}

function paxPath(data: Buffer): string | undefined {
  let rest = data.toString('utf8');
  while (rest.length > 0) {
    const space = rest.indexOf(' ');
    const length = parseInt(rest.slice(0, space), 10);
    if (!(length > 0) || space < 0) return undefined;
    const record = rest.slice(space + 1, length - 1);
    rest = rest.slice(length);
    const eq = record.indexOf('=');
    if (record.slice(0, eq) === 'path') return record.slice(eq + 1);
  }
  return undefined;
}

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
  let offset = 0;
  let longName: string | undefined;
  let entries = 0;
  while (offset + 512 <= tar.length) {
    const header = tar.subarray(offset, offset + 512);
    if (header.every((b) => b === 0)) break;
    entries += 1;
    if (entries > limits.maxEntries) throw new TarError('chart archive has too many entries');
    const size = octal(header, 124, 12);
    const type = String.fromCharCode(header[156] ?? 0);
    const dataStart = offset + 512;
    if (dataStart + size > tar.length) throw new TarError('unexpected EOF');
    const data = tar.subarray(dataStart, dataStart + size);
    offset = dataStart + Math.ceil(size / 512) * 512;
    if (type === 'L') { longName = cString(data, 0, data.length); continue; }
    if (type === 'x') { longName = paxPath(data) ?? longName; continue; }
    if (type === 'g') continue;
    const magic = header.subarray(257, 262).toString('latin1');
    const prefix = magic === 'ustar' ? cString(header, 345, 155) : '';
    const name = longName ?? (prefix ? `${prefix}/${cString(header, 0, 100)}` : cString(header, 0, 100));
    longName = undefined;
    if (type !== '0' && type !== '\0' && type !== '7') continue; // only regular files
    files.push({ name, mtime: new Date(octal(header, 136, 12) * 1000), data: Buffer.from(data) });
  }
  return files;
}
