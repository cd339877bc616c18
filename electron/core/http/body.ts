/** Reads a response body: size caps on the wire and after decoding, progress reports, and a slow-body guard. */
import type { Readable } from 'node:stream';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ChartDeskError } from '../errors';
import { createDecoder, type Coding } from './content-encoding';

/** "1.5 MiB", "12.0 KiB", "300 bytes". */
export function describeSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} bytes`;
}

/** Stops a body stream without an unhandled 'error' event (undici emits one when destroyed). */
export function discardBody(body: Readable): void {
  body.on('error', () => undefined);
  body.destroy();
}

/** The least a body must deliver per window; a slower one is given up on (a trickle never trips the idle timeout). */
export interface SlowBodyLimit {
  windowMs: number;
  minBytes: number;
}

/** How to read one body. */
export interface BodyReadOptions {
  /** The Content-Length header (bytes on the wire), when sent. */
  contentLength: string | undefined;
  /** Cap on the bytes received and, separately, on the bytes after decoding. */
  maxBytes: number;
  /** The content codings the server applied, in the order applied (Content-Encoding). */
  codings?: readonly Coding[];
  /** Also return the bytes as received (before decoding). */
  keepEncoded?: boolean;
  /** Progress in bytes on the wire, with Content-Length when known. */
  onProgress?: (receivedBytes: number, totalBytes: number | undefined) => void;
  slow?: SlowBodyLimit;
}

/** A body read in full. */
export interface ReadBody {
  /** The body after decoding its content codings. */
  bytes: Buffer;
  /** Bytes received on the wire. */
  wireBytes: number;
  /** The bytes as received, when asked for and a coding was decoded. */
  encoded?: Buffer;
}

const tooLarge = (maxBytes: number) =>
  new ChartDeskError('too-large', 'download', `The response is larger than the ${describeSize(maxBytes)} limit.`, {
    hint: 'The file may not be what was expected, or the limit is too low for it.',
  });

const bomb = (maxBytes: number, wireBytes: number) =>
  new ChartDeskError('too-large', 'download', `The compressed response unpacks to more than the ${describeSize(maxBytes)} limit (from ${describeSize(wireBytes)} on the wire); ChartDesk stopped decoding it.`, {
    hint: 'This looks like a decompression bomb, or a file far larger than expected.',
  });

/**
 * Collects `body`, decoding its content codings as a stream. Throws 'too-large' (and stops reading)
 * past `maxBytes` on the wire or after decoding (a decompression bomb ends in bounded memory),
 * 'timeout' when a window of `slow.windowMs` brings fewer than `slow.minBytes`, and 'http' when the
 * compressed data is damaged or cut off.
 */
export async function readBody(body: Readable, options: BodyReadOptions): Promise<ReadBody> {
  const { maxBytes, slow } = options;
  const codings = options.codings ?? [];
  const declared = options.contentLength !== undefined && /^\d+$/.test(options.contentLength) ? Number(options.contentLength) : undefined;
  if (declared !== undefined && declared > maxBytes) {
    discardBody(body);
    throw tooLarge(maxBytes);
  }
  const wire: Buffer[] = [];
  const keepWire = options.keepEncoded === true && codings.length > 0;
  let received = 0;
  let windowStart = 0;
  let tooSlow = false;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      received += chunk.length;
      if (received > maxBytes) return done(tooLarge(maxBytes));
      if (keepWire) wire.push(chunk);
      options.onProgress?.(received, declared);
      done(null, chunk);
    },
  });
  const watch = slow
    ? setInterval(() => {
        if (received - windowStart < slow.minBytes) {
          tooSlow = true;
          body.destroy(new Error('body too slow'));
        }
        windowStart = received;
      }, slow.windowMs)
    : undefined;
  const chunks: Buffer[] = [];
  let decoded = 0;
  const collect = new Writable({
    write(chunk: Buffer, _encoding, done) {
      decoded += chunk.length;
      if (decoded > maxBytes) return done(codings.length ? bomb(maxBytes, received) : tooLarge(maxBytes));
      chunks.push(chunk);
      done();
    },
  });
  try {
    await pipeline([body, counter, ...[...codings].reverse().map((coding) => createDecoder(coding)), collect]);
  } catch (error) {
    discardBody(body);
    // A 204/304 may name a coding for a body it does not have.
    if (received === 0 && codings.length > 0 && (error as { code?: unknown } | undefined)?.code === 'Z_BUF_ERROR') return { bytes: Buffer.alloc(0), wireBytes: 0 };
    throw readFailure(error, { tooSlow, slow, codings, received });
  } finally {
    clearInterval(watch);
  }
  const out: ReadBody = { bytes: Buffer.concat(chunks, decoded), wireBytes: received };
  if (keepWire) out.encoded = Buffer.concat(wire, received);
  return out;
}

/** The error to report for a failed read (network errors are passed on for the caller to map). */
function readFailure(error: unknown, facts: { tooSlow: boolean; slow: SlowBodyLimit | undefined; codings: readonly Coding[]; received: number }): unknown {
  if (error instanceof ChartDeskError) return error;
  if (facts.tooSlow && facts.slow) {
    return new ChartDeskError('timeout', 'download', `The server sent its answer too slowly (less than ${describeSize(facts.slow.minBytes)} in ${Math.round(facts.slow.windowMs / 100) / 10} s), so ChartDesk stopped waiting.`, {
      hint: 'The server or the network may be overloaded; try again later.',
    });
  }
  const code = (error as { code?: unknown } | undefined)?.code;
  if (facts.codings.length > 0 && typeof code === 'string' && code.startsWith('Z_')) {
    const what = code === 'Z_BUF_ERROR' ? 'is cut off' : 'is damaged';
    return new ChartDeskError('http', 'download', `The server's ${facts.codings.join('+')}-compressed answer ${what} (${describeSize(facts.received)} received) and cannot be decoded.`, {
      hint: 'Try again; if it persists, the server or a proxy mangles compressed answers.',
      cause: error,
    });
  }
  return error;
}
