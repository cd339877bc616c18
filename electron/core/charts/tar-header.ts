/** Parses one 512-byte tar header block (ustar, GNU and v7 forms). */
import { ChartDeskError } from '../errors';

/** Size of a tar block. */
export const TAR_BLOCK = 512;

/** What a header says about the entry that follows it. */
export interface TarHeader {
  /** Entry name as written (ustar prefix joined); pax/GNU long names override it later. */
  name: string;
  linkName: string;
  /** Bytes of data after the header (before padding to a block). */
  size: number;
  /** Modification time, seconds since the epoch (0 when the field is unreadable: it is never needed to read a chart). */
  mtime: number;
  /** The raw type flag character ('0', '5', 'x', 'L', ...); '\0' is read as '0'. */
  type: string;
}

function cString(block: Buffer, start: number, length: number): string {
  const end = block.indexOf(0, start);
  const stop = end === -1 || end > start + length ? start + length : end;
  return block.toString('utf8', start, stop);
}

/** Reads a numeric field: octal text, or GNU base-256 when the top bit of the first byte is set. */
function numberField(block: Buffer, start: number, length: number): number {
  const first = block[start] ?? 0;
  if (first & 0x80) {
    let value = first & 0x7f;
    for (let i = start + 1; i < start + length; i += 1) value = value * 256 + (block[i] ?? 0);
    return value;
  }
  const text = block.toString('latin1', start, start + length).replace(/\0.*$/s, '').trim();
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) throw invalid('a header has a malformed number field');
  return parseInt(text, 8);
}

function lenientNumberField(block: Buffer, start: number, length: number): number {
  try {
    return numberField(block, start, length);
  } catch {
    return 0;
  }
}

function invalid(detail: string): ChartDeskError {
  return new ChartDeskError('chart-invalid', 'read-archive', `The package is not a valid tar archive: ${detail}.`);
}

/** True when every byte of the block is zero (the end-of-archive marker). */
export function isZeroBlock(block: Buffer): boolean {
  for (let i = 0; i < TAR_BLOCK; i += 1) if (block[i] !== 0) return false;
  return true;
}

function checksumMatches(block: Buffer): boolean {
  const stored = numberField(block, 148, 8);
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < TAR_BLOCK; i += 1) {
    const byte = i >= 148 && i < 156 ? 0x20 : (block[i] ?? 0);
    unsigned += byte;
    signed += byte > 127 ? byte - 256 : byte;
  }
  return stored === unsigned || stored === signed;
}

/** Parses a header block; throws 'chart-invalid' when it is not one. */
export function parseTarHeader(block: Buffer): TarHeader {
  if (block.length < TAR_BLOCK) throw invalid('it ends inside a header');
  if (!checksumMatches(block)) throw invalid('a header checksum does not match');
  const rawType = String.fromCharCode(block[156] ?? 0);
  const magic = block.toString('latin1', 257, 263);
  let name = cString(block, 0, 100);
  // POSIX ustar splits long names into prefix + name; the GNU form uses that area for other fields.
  if (magic === 'ustar\0') {
    const prefix = cString(block, 345, 155);
    if (prefix !== '') name = `${prefix}/${name}`;
  }
  const size = numberField(block, 124, 12);
  if (!Number.isSafeInteger(size) || size < 0) throw invalid('an entry declares an impossible size');
  return { name, linkName: cString(block, 157, 100), size, mtime: lenientNumberField(block, 136, 12), type: rawType === '\0' ? '0' : rawType };
}

/** Parses pax extended header records ("<len> <key>=<value>\n") into a map. */
export function parsePaxRecords(data: Buffer): Map<string, string> {
  const records = new Map<string, string>();
  let offset = 0;
  while (offset < data.length) {
    const space = data.indexOf(0x20, offset);
    if (space === -1) break;
    const length = parseInt(data.toString('latin1', offset, space), 10);
    if (!Number.isSafeInteger(length) || length <= space - offset || offset + length > data.length) {
      throw invalid('a pax header record is malformed');
    }
    const record = data.toString('utf8', space + 1, offset + length - 1);
    const equals = record.indexOf('=');
    if (equals > 0) records.set(record.slice(0, equals), record.slice(equals + 1));
    offset += length;
  }
  return records;
}
