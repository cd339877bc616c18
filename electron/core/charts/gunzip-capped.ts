/** Streams a gzip buffer through node:zlib with a cap on the decompressed size (bounded memory). */
import { createGunzip } from 'node:zlib';
import { ChartDeskError } from '../errors';

/** How the caller consumes the decompressed stream. */
export interface GunzipSink {
  /** Receives each decompressed chunk; a throw stops decompression and rejects. */
  onChunk(chunk: Buffer): void;
  /** Returns true once the caller has all it needs; decompression stops early. */
  isDone(): boolean;
}

function describeMb(bytes: number): string {
  return `${Math.round(bytes / (1024 * 1024))} MB`;
}

/**
 * Decompresses `compressed` chunk by chunk into the sink. Rejects with 'too-large' once the output
 * passes `maxOutputBytes` (a gzip bomb) and with 'chart-invalid' when the data is not gzip.
 */
export function gunzipCapped(compressed: Buffer, maxOutputBytes: number, sink: GunzipSink): Promise<void> {
  return new Promise((resolve, reject) => {
    const gunzip = createGunzip({ chunkSize: 64 * 1024 });
    let produced = 0;
    let settled = false;
    const settle = (error?: unknown) => {
      if (settled) return;
      settled = true;
      gunzip.removeAllListeners('data');
      gunzip.destroy();
      if (error === undefined) resolve();
      else reject(error);
    };
    gunzip.on('data', (chunk: Buffer) => {
      if (settled) return;
      produced += chunk.length;
      if (produced > maxOutputBytes) {
        settle(
          new ChartDeskError('too-large', 'read-archive', `The package unpacks to more than ${describeMb(maxOutputBytes)}; ChartDesk stops there (this looks like a compression bomb, not a chart).`),
        );
        return;
      }
      try {
        sink.onChunk(chunk);
        if (sink.isDone()) settle();
      } catch (error) {
        settle(error);
      }
    });
    gunzip.on('error', (error: NodeJS.ErrnoException) => {
      settle(new ChartDeskError('chart-invalid', 'read-archive', 'The package is not a valid gzip file (it may be damaged or not a chart package).', { cause: error }));
    });
    gunzip.on('end', () => settle());
    // Feed in slices so a large input is not handed to zlib in one piece.
    const slice = 256 * 1024;
    const feed = (offset: number): void => {
      if (settled) return;
      if (offset >= compressed.length) {
        gunzip.end();
        return;
      }
      const ok = gunzip.write(compressed.subarray(offset, offset + slice));
      if (ok) setImmediate(feed, offset + slice);
      else gunzip.once('drain', () => feed(offset + slice));
    };
    feed(0);
  });
}
