/** Reads a response body with a size cap and progress reports. */
import type { Readable } from 'node:stream';
import { ChartDeskError } from '../errors';

function describeSize(bytes: number): string {
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

/**
 * Collects `body` into a Buffer; throws kind 'too-large' (and stops reading) past `maxBytes`, and
 * kind 'timeout' when a window of `slow.windowMs` brings fewer than `slow.minBytes`.
 */
export async function readCappedBody(
  body: Readable,
  contentLength: string | undefined,
  maxBytes: number,
  onProgress?: (receivedBytes: number, totalBytes: number | undefined) => void,
  slow?: SlowBodyLimit,
): Promise<Buffer> {
  const declared = contentLength !== undefined && /^\d+$/.test(contentLength) ? Number(contentLength) : undefined;
  const tooLarge = () =>
    new ChartDeskError('too-large', 'download', `The response is larger than the ${describeSize(maxBytes)} limit.`, {
      hint: 'The file may not be what was expected, or the limit is too low for it.',
    });
  if (declared !== undefined && declared > maxBytes) {
    discardBody(body);
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let received = 0;
  let windowStart = 0;
  let tooSlow = false;
  const watch = slow
    ? setInterval(() => {
        if (received - windowStart < slow.minBytes) {
          tooSlow = true;
          body.destroy(new Error('body too slow'));
        }
        windowStart = received;
      }, slow.windowMs)
    : undefined;
  try {
    for await (const chunk of body) {
      const buffer = chunk as Buffer;
      received += buffer.length;
      if (received > maxBytes) {
        discardBody(body);
        throw tooLarge();
      }
      chunks.push(buffer);
      onProgress?.(received, declared);
    }
  } catch (error) {
    if (!tooSlow || !slow) throw error;
    throw new ChartDeskError('timeout', 'download', `The server sent its answer too slowly (less than ${describeSize(slow.minBytes)} in ${Math.round(slow.windowMs / 100) / 10} s), so ChartDesk stopped waiting.`, {
      hint: 'The server or the network may be overloaded; try again later.',
    });
  } finally {
    clearInterval(watch);
  }
  return Buffer.concat(chunks, received);
}
