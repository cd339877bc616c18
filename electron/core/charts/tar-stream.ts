/** A streaming tar reader: feed it bytes, it reports entries and hands over only the data asked for. */
import { ChartDeskError } from '../errors';
import { isZeroBlock, parsePaxRecords, parseTarHeader, TAR_BLOCK, type TarHeader } from './tar-header';

/** What kind of thing an entry is. */
export type TarEntryType = 'file' | 'directory' | 'symlink' | 'hardlink' | 'other';

/** One archive member, with pax and GNU long names already applied. */
export interface TarEntry {
  path: string;
  type: TarEntryType;
  size: number;
  linkPath: string;
  /** Modification time, seconds since the epoch. */
  mtime: number;
}

/** Receives entries; returns true from onEntry to get that entry's data in onFile. */
export interface TarVisitor {
  onEntry(entry: TarEntry): boolean;
  onFile(entry: TarEntry, data: Buffer): void;
}

/** A push parser: write() decompressed bytes in any chunk sizes, then end(). */
export interface TarStreamParser {
  write(chunk: Buffer): void;
  /** Checks that the archive did not stop half way through a member. */
  end(): void;
  /** True once the end-of-archive marker was read; later bytes are ignored. */
  readonly finished: boolean;
}

/** Limits of the parser. */
export interface TarStreamLimits {
  /** Most headers (of any kind) read before giving up. */
  maxEntries: number;
  /** Largest pax or GNU long-name record kept in memory. */
  maxMetaBytes: number;
}

const META_TYPES = new Set(['x', 'g', 'L', 'K']);

function entryType(flag: string): TarEntryType {
  if (flag === '0' || flag === '7') return 'file';
  if (flag === '5') return 'directory';
  if (flag === '2') return 'symlink';
  if (flag === '1') return 'hardlink';
  return 'other';
}

/** Creates a parser that calls the visitor as members complete. */
export function createTarStreamParser(visitor: TarVisitor, limits: TarStreamLimits): TarStreamParser {
  const header = Buffer.alloc(TAR_BLOCK);
  let headerFill = 0;
  let state: 'header' | 'data' | 'padding' = 'header';
  let remaining = 0;
  let padding = 0;
  let headers = 0;
  let finished = false;
  let current: { header: TarHeader; entry: TarEntry | undefined; collect: boolean; parts: Buffer[] } | undefined;
  let pending: { path?: string; linkPath?: string; size?: number } = {};

  const startMember = () => {
    if (isZeroBlock(header)) {
      finished = true;
      return;
    }
    headers += 1;
    if (headers > limits.maxEntries) {
      throw new ChartDeskError('chart-invalid', 'read-archive', `The package holds more than ${limits.maxEntries.toLocaleString('en-US')} entries; ChartDesk stops there (a real chart is far smaller).`);
    }
    const parsed = parseTarHeader(header);
    const isMeta = META_TYPES.has(parsed.type);
    if (isMeta && parsed.size > limits.maxMetaBytes) {
      throw new ChartDeskError('chart-invalid', 'read-archive', 'The package has an extended tar header larger than any real chart needs.');
    }
    let entry: TarEntry | undefined;
    let collect = isMeta;
    if (!isMeta) {
      const size = pending.size ?? parsed.size;
      entry = { path: pending.path ?? parsed.name, type: entryType(parsed.type), size, linkPath: pending.linkPath ?? parsed.linkName, mtime: parsed.mtime };
      parsed.size = size;
      pending = {};
      collect = visitor.onEntry(entry);
    }
    current = { header: parsed, entry, collect, parts: [] };
    remaining = parsed.size;
    padding = (TAR_BLOCK - (parsed.size % TAR_BLOCK)) % TAR_BLOCK;
    state = 'data';
    if (remaining === 0) finishMember();
  };

  const finishMember = () => {
    const member = current;
    current = undefined;
    state = padding > 0 ? 'padding' : 'header';
    if (!member) return;
    const data = member.collect ? Buffer.concat(member.parts) : Buffer.alloc(0);
    const type = member.header.type;
    if (type === 'x') {
      const records = parsePaxRecords(data);
      const size = records.get('size');
      pending = {
        ...pending,
        ...(records.has('path') ? { path: records.get('path') } : {}),
        ...(records.has('linkpath') ? { linkPath: records.get('linkpath') } : {}),
        ...(size !== undefined && /^\d+$/.test(size) ? { size: Number(size) } : {}),
      };
    } else if (type === 'L') {
      pending.path = data.toString('utf8').replace(/\0.*$/s, '');
    } else if (type === 'K') {
      pending.linkPath = data.toString('utf8').replace(/\0.*$/s, '');
    } else if (member.entry && member.collect) {
      visitor.onFile(member.entry, data);
    }
  };

  return {
    get finished() {
      return finished;
    },
    write(chunk) {
      let offset = 0;
      while (offset < chunk.length && !finished) {
        if (state === 'header') {
          const take = Math.min(TAR_BLOCK - headerFill, chunk.length - offset);
          chunk.copy(header, headerFill, offset, offset + take);
          headerFill += take;
          offset += take;
          if (headerFill === TAR_BLOCK) {
            headerFill = 0;
            startMember();
          }
        } else if (state === 'data') {
          const take = Math.min(remaining, chunk.length - offset);
          if (current?.collect) current.parts.push(chunk.subarray(offset, offset + take));
          remaining -= take;
          offset += take;
          if (remaining === 0) finishMember();
        } else {
          const take = Math.min(padding, chunk.length - offset);
          padding -= take;
          offset += take;
          if (padding === 0) state = 'header';
        }
      }
    },
    end() {
      if (finished) return;
      if (state !== 'header' || headerFill !== 0) {
        throw new ChartDeskError('chart-invalid', 'read-archive', 'The package is truncated: the archive stops in the middle of a file.');
      }
    },
  };
}
