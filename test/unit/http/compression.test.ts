/** Compressed responses over loopback: asked for, decoded as a stream, capped after decoding, traced with both sizes. */
import { once } from 'node:events';
import type { ServerResponse } from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpClient } from '../../../electron/core/http/client';
import { ACCEPT_ENCODING, parseContentEncoding, supportedCodings, type ZlibLike } from '../../../electron/core/http/content-encoding';
import { createTrace } from '../../../electron/core/http/trace';
import { formatTrace } from '../../../electron/core/http/trace-format';
import { ChartDeskError } from '../../../electron/core/errors';
import { startHttp, type TestServer } from './servers';

const INDEX = Buffer.from(`apiVersion: v1\nentries:\n${Array.from({ length: 2000 }, (_, i) => `  chart-${i}:\n  - name: chart-${i}\n    version: 1.0.${i}\n`).join('')}`);

/** gzip of `count` × 1 MiB of zeros, made in 1 MiB steps so the test process never holds the plain bytes. */
async function zerosGzip(count: number): Promise<Buffer> {
  const gzip = zlib.createGzip({ level: 9 });
  const parts: Buffer[] = [];
  gzip.on('data', (chunk: Buffer) => parts.push(chunk));
  const zeros = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < count; i++) if (!gzip.write(zeros)) await once(gzip, 'drain');
  gzip.end();
  await once(gzip, 'end');
  return Buffer.concat(parts);
}

let server: TestServer;
let bombMember: Buffer;
const clients: HttpClient[] = [];
const client = (maxBytes?: number) => {
  const c = createHttpClient({ userAgent: 'ChartDesk-test', options: maxBytes ? { maxBytes } : {} });
  clients.push(c);
  return c;
};

function sendEncoded(res: ServerResponse, encoding: string, body: Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(200, { 'content-type': 'application/x-yaml', 'content-encoding': encoding, 'content-length': String(body.length), ...extra });
  res.end(body);
}

beforeAll(async () => {
  bombMember = await zerosGzip(64); // 64 MiB of zeros in about 64 KB
  server = await startHttp((req, res) => {
    const path = req.url ?? '/';
    const accepts = String(req.headers['accept-encoding'] ?? '');
    if (path === '/negotiated') {
      if (accepts.includes('gzip')) return sendEncoded(res, 'gzip', zlib.gzipSync(INDEX), { vary: 'Accept-Encoding' });
      return void res.end(INDEX);
    }
    if (path === '/unasked') return sendEncoded(res, 'gzip', zlib.gzipSync(INDEX)); // compresses whatever the client asked
    if (path === '/br') return sendEncoded(res, 'br', zlib.brotliCompressSync(INDEX));
    if (path === '/deflate-zlib') return sendEncoded(res, 'deflate', zlib.deflateSync(INDEX));
    if (path === '/deflate-raw') return sendEncoded(res, 'deflate', zlib.deflateRawSync(INDEX));
    if (path === '/stacked') return sendEncoded(res, 'gzip, br', zlib.brotliCompressSync(zlib.gzipSync(INDEX)));
    if (path === '/x-gzip') return sendEncoded(res, 'X-GZIP', zlib.gzipSync(INDEX));
    if (path === '/cut') {
      const whole = zlib.gzipSync(INDEX);
      return sendEncoded(res, 'gzip', whole.subarray(0, Math.floor(whole.length / 2)));
    }
    if (path === '/garbage') return sendEncoded(res, 'gzip', Buffer.from('this is not gzip at all'));
    if (path === '/compress') return sendEncoded(res, 'compress', Buffer.from('x'));
    if (path === '/not-modified') return void res.writeHead(304, { 'content-encoding': 'gzip', etag: 'W/"abc"' }).end();
    if (path === '/bomb') {
      // 32 gzip members of 64 MiB each: 2 GiB once decoded, about 2 MB on the wire, no Content-Length.
      res.writeHead(200, { 'content-type': 'application/x-yaml', 'content-encoding': 'gzip' });
      let sent = 0;
      const next = () => {
        while (sent < 32) {
          sent += 1;
          if (!res.write(bombMember)) return void res.once('drain', next);
        }
        res.end();
      };
      res.on('error', () => undefined);
      return next();
    }
    res.statusCode = 404;
    res.end();
  });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await server.close();
});

const get = (c: HttpClient, path: string, headers: Record<string, string> = {}) => {
  const trace = createTrace();
  return c.send({ step: 'fetch-index', method: 'GET', url: `${server.origin}${path}`, headers }, trace).then((res) => ({ res, trace }));
};

async function failure(promise: Promise<unknown>): Promise<ChartDeskError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ChartDeskError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('asking for compression', () => {
  it('sends Accept-Encoding gzip, deflate, br (zstd only where this Node decodes it) and decodes the answer', async () => {
    expect(ACCEPT_ENCODING).toBe(typeof (zlib as ZlibLike).createZstdDecompress === 'function' ? 'gzip, deflate, br, zstd' : 'gzip, deflate, br');
    const { res, trace } = await get(client(), '/negotiated');
    expect(server.seen.at(-1)?.headers['accept-encoding']).toBe(ACCEPT_ENCODING);
    expect(res.body.equals(INDEX)).toBe(true);
    expect(res.encoding).toBe('gzip');
    const entry = trace.entries[0];
    expect(entry).toMatchObject({ encoding: 'gzip', bytes: INDEX.length });
    expect(entry?.wireBytes).toBeLessThan(INDEX.length / 4);
    expect(entry?.requestHeaders['accept-encoding']).toBe(ACCEPT_ENCODING);
    expect(entry?.responseHeaders['content-encoding']).toBe('gzip');
    expect(formatTrace(trace.entries)).toContain(`${INDEX.length} bytes (gzip: ${entry?.wireBytes} bytes on the wire)`);
  });

  it('lists zstd only for a zlib that has a zstd decoder', () => {
    const withZstd = { ...zlib, createZstdDecompress: () => zlib.createGunzip() } as unknown as ZlibLike;
    expect(supportedCodings(withZstd)).toEqual(['gzip', 'deflate', 'br', 'zstd']);
    expect(parseContentEncoding('zstd', 'x', withZstd)).toEqual(['zstd']);
    const without = { ...zlib, createZstdDecompress: undefined } as unknown as ZlibLike;
    expect(() => parseContentEncoding('zstd', 'x', without)).toThrow(/cannot read/);
  });

  it('keeps a caller’s own Accept-Encoding (identity for chart packages)', async () => {
    const { res } = await get(client(), '/negotiated', { 'accept-encoding': 'identity' });
    expect(server.seen.at(-1)?.headers['accept-encoding']).toBe('identity');
    expect(res.encoding).toBeUndefined();
    expect(res.body.equals(INDEX)).toBe(true);
  });
});

describe('decoding what the server sent', () => {
  it.each(['/unasked', '/br', '/deflate-zlib', '/deflate-raw', '/stacked', '/x-gzip'])('reads %s exactly', async (path) => {
    const { res, trace } = await get(client(), path, { 'accept-encoding': 'identity' });
    expect(res.body.equals(INDEX)).toBe(true);
    expect(trace.entries[0]?.bytes).toBe(INDEX.length);
    expect(trace.entries[0]?.wireBytes).toBeGreaterThan(0);
  });

  it('decodes stacked codings in reverse order and names both', async () => {
    const { res } = await get(client(), '/stacked');
    expect(res.encoding).toBe('gzip, br');
  });

  it('says a cut-off or damaged compressed body cannot be decoded', async () => {
    const cut = await failure(get(client(), '/cut'));
    expect(cut).toMatchObject({ kind: 'http', step: 'fetch-index' });
    expect(cut.message).toMatch(/gzip-compressed answer is cut off/);
    const damaged = await failure(get(client(), '/garbage'));
    expect(damaged.message).toMatch(/gzip-compressed answer is damaged/);
  });

  it('refuses a coding it cannot read, naming it', async () => {
    const error = await failure(get(client(), '/compress'));
    expect(error).toMatchObject({ kind: 'http', step: 'fetch-index' });
    expect(error.message).toContain('"compress"');
  });

  it('takes an empty 304 that names a coding as empty', async () => {
    const { res, trace } = await get(client(), '/not-modified');
    expect(res.status).toBe(304);
    expect(res.body.length).toBe(0);
    expect(trace.entries[0]?.encoding).toBeUndefined();
  });
});

describe('decompression bombs', () => {
  it('stops at the size cap on the decoded bytes with a clear too-large error, in bounded memory', async () => {
    const before = process.memoryUsage().rss;
    const trace = createTrace();
    const error = await failure(client(16 * 1024 * 1024).send({ step: 'fetch-index', method: 'GET', url: `${server.origin}/bomb` }, trace));
    expect(error).toMatchObject({ kind: 'too-large', step: 'fetch-index' });
    expect(error.message).toMatch(/unpacks to more than the 16\.0 MiB limit/);
    expect(error.hint).toMatch(/decompression bomb/);
    // 2 GiB decoded would not fit; reading stopped near the 16 MiB cap.
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    expect(trace.entries[0]?.note).toContain('unpacks');
  });

  it('still caps a plain body on the wire', async () => {
    const error = await failure(client(1000).send({ step: 'fetch-index', method: 'GET', url: `${server.origin}/negotiated`, headers: { 'accept-encoding': 'identity' } }, createTrace()));
    expect(error.kind).toBe('too-large');
    expect(error.message).not.toMatch(/unpacks/);
  });
});
