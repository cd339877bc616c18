/**
 * HTTP content codings (RFC 9110 §8.4): what ChartDesk asks for, which codings a response used, and
 * streaming decoders from node:zlib. Only Content-Encoding is ever decoded, never Content-Type: a
 * chart package is a gzip file itself and stays one.
 */
import { Transform, type TransformCallback } from 'node:stream';
import zlib from 'node:zlib';
import { ChartDeskError } from '../errors';

/** A coding ChartDesk can decode. */
export type Coding = 'gzip' | 'deflate' | 'br' | 'zstd';

/** The zlib functions the decoders come from (node:zlib; zstd only in Node versions that have it). */
export type ZlibLike = Pick<typeof zlib, 'createGunzip' | 'createInflate' | 'createInflateRaw' | 'createBrotliDecompress'> & {
  createZstdDecompress?: (options?: { chunkSize?: number }) => Transform;
};

/** Most codings one response may stack ("gzip, br" is two). */
const MAX_CODINGS = 3;
/** Output chunk size of the decoders: large enough that a 20 MB index decodes in few steps, small enough that a bomb stops within 256 KiB of its limit. */
const CHUNK = 256 * 1024;

/** The codings this Node can decode, in order of preference. */
export function supportedCodings(z: ZlibLike = zlib as ZlibLike): Coding[] {
  return typeof z.createZstdDecompress === 'function' ? ['gzip', 'deflate', 'br', 'zstd'] : ['gzip', 'deflate', 'br'];
}

/** The Accept-Encoding ChartDesk sends when it asks for compression: "gzip, deflate, br" (plus zstd where Node has it). */
export const ACCEPT_ENCODING = supportedCodings().join(', ');

/** What a request sends when it must get the bytes as stored (chart packages, images). */
export const IDENTITY_ONLY = 'identity';

/**
 * The codings a response applied, in the order they were applied (decode in reverse); identity
 * parts are dropped. Throws 'http' for a coding ChartDesk cannot read.
 */
export function parseContentEncoding(header: string | undefined, step: string, z: ZlibLike = zlib as ZlibLike): Coding[] {
  if (header === undefined) return [];
  const supported = supportedCodings(z);
  const codings: Coding[] = [];
  for (const part of header.split(',')) {
    const name = part.trim().toLowerCase();
    if (name === '' || name === 'identity') continue;
    const coding = name === 'x-gzip' ? 'gzip' : name;
    if (!(supported as string[]).includes(coding)) {
      throw new ChartDeskError('http', step, `The server compressed its answer as "${printable(name)}", which ChartDesk cannot read (it reads ${supported.join(', ')}).`, {
        hint: 'A proxy or server setting may force this encoding; ChartDesk only asks for the ones it reads.',
      });
    }
    codings.push(coding as Coding);
  }
  if (codings.length > MAX_CODINGS) throw new ChartDeskError('http', step, `The server stacked ${codings.length} content codings on its answer; ChartDesk reads at most ${MAX_CODINGS}.`);
  return codings;
}

/** A streaming decoder for one coding. */
export function createDecoder(coding: Coding, z: ZlibLike = zlib as ZlibLike): Transform {
  if (coding === 'gzip') return z.createGunzip({ chunkSize: CHUNK });
  if (coding === 'br') return z.createBrotliDecompress({ chunkSize: CHUNK });
  if (coding === 'zstd' && z.createZstdDecompress) return z.createZstdDecompress({ chunkSize: CHUNK });
  if (coding === 'deflate') return new InflateEither(z);
  throw new ChartDeskError('internal', 'decode', `No decoder for ${coding}.`);
}

/** "deflate" should be zlib-wrapped (RFC 9110), but some servers send raw deflate: tell them apart by the first two bytes. */
class InflateEither extends Transform {
  private inner: Transform | undefined;

  constructor(private readonly z: ZlibLike) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    const inner = (this.inner ??= this.start(chunk));
    if (inner.write(chunk)) done();
    else inner.once('drain', () => done());
  }

  override _flush(done: TransformCallback): void {
    if (!this.inner) return done();
    this.inner.once('end', () => done());
    this.inner.end();
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    this.inner?.destroy();
    done(error);
  }

  private start(first: Buffer): Transform {
    const a = first[0] ?? 0;
    const b = first[1] ?? 0;
    const zlibWrapped = (a & 0x0f) === 8 && ((a << 8) | b) % 31 === 0;
    const inner = zlibWrapped ? this.z.createInflate({ chunkSize: CHUNK }) : this.z.createInflateRaw({ chunkSize: CHUNK });
    inner.on('data', (data: Buffer) => this.push(data));
    inner.on('error', (error) => this.destroy(error));
    return inner;
  }
}

function printable(text: string): string {
  const clean = text.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}
