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

/** Collects `body` into a Buffer; throws kind 'too-large' (and stops reading) past `maxBytes`. */
export async function readCappedBody(
  body: Readable,
  contentLength: string | undefined,
  maxBytes: number,
  onProgress?: (receivedBytes: number, totalBytes: number | undefined) => void,
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
  return Buffer.concat(chunks, received);
}
