/** A static chart repo on loopback (like GitHub Pages): files with ETag/Last-Modified, 304s, optional Basic auth. */
import { createHash } from 'node:crypto';
import http from 'node:http';
import zlib from 'node:zlib';
import type { AddressInfo } from 'node:net';

/** One request the server saw. */
export interface StaticRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  status: number;
}

/** The running server. */
export interface StaticRepo {
  /** e.g. http://127.0.0.1:PORT */
  origin: string;
  requests: StaticRequest[];
  /** Adds or replaces a file (its ETag and Last-Modified change); `headers` are sent with it as they are. */
  put(path: string, body: Buffer | string, contentType?: string, headers?: Record<string, string>): void;
  /** Makes every request answer this status from now on (undefined: back to normal). */
  failWith(status: number | undefined): void;
  close(): Promise<void>;
}

/** How the server compresses YAML and JSON files, as nginx's gzip_types does: when asked, or (unasked) always. */
export interface StaticCompression {
  coding: 'gzip' | 'br' | 'deflate';
  unasked?: boolean;
}

const ENCODERS = { gzip: zlib.gzipSync, br: zlib.brotliCompressSync, deflate: zlib.deflateSync } as const;

/**
 * Starts the server on 127.0.0.1 with a random port; `basicAuth` requires "user:pass" on every
 * request; `compression` compresses YAML and JSON answers (with a weak ETag, as nginx does).
 */
export async function startStaticRepo(options: { host?: string; basicAuth?: string; compression?: StaticCompression } = {}): Promise<StaticRepo> {
  const files = new Map<string, { body: Buffer; etag: string; lastModified: string; type: string; headers: Record<string, string> }>();
  const requests: StaticRequest[] = [];
  let failure: number | undefined;
  let clock = Date.UTC(2024, 0, 1);
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const answer = (status: number, body?: Buffer, headers: Record<string, string> = {}) => {
      requests.push({ method: req.method ?? 'GET', path, headers: req.headers, status });
      res.writeHead(status, { ...headers, ...(body ? { 'content-length': String(body.length) } : {}) });
      res.end(body);
    };
    if (failure !== undefined) return answer(failure, Buffer.from('unavailable'));
    if (options.basicAuth && req.headers.authorization !== `Basic ${Buffer.from(options.basicAuth).toString('base64')}`) {
      return answer(401, Buffer.from('{"error":"unauthorized"}'), { 'www-authenticate': 'Basic realm="static"' });
    }
    const file = files.get(path);
    if (!file) return answer(404, Buffer.from('{"error":"not found"}'));
    const coding = options.compression?.coding;
    const compress = coding !== undefined && /yaml|json/.test(file.type) && (options.compression?.unasked === true || String(req.headers['accept-encoding'] ?? '').includes(coding));
    const etag = compress ? `W/${file.etag}` : file.etag;
    const validators = { etag, 'last-modified': file.lastModified, 'content-type': file.type, ...file.headers };
    const inm = req.headers['if-none-match']?.replace(/^W\//, '');
    const ims = req.headers['if-modified-since'];
    if ((inm !== undefined && inm === file.etag) || (inm === undefined && ims !== undefined && Date.parse(ims) >= Date.parse(file.lastModified))) {
      return answer(304, undefined, validators);
    }
    if (compress) return answer(200, ENCODERS[coding](file.body), { ...validators, 'content-encoding': coding, vary: 'Accept-Encoding' });
    return answer(200, file.body, validators);
  });
  await new Promise<void>((resolve) => server.listen(0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${options.host ?? '127.0.0.1'}:${port}`,
    requests,
    put(path, body, contentType = 'application/octet-stream', headers = {}) {
      const bytes = typeof body === 'string' ? Buffer.from(body) : body;
      clock += 60_000;
      files.set(path, { body: bytes, etag: `"${createHash('sha1').update(bytes).digest('hex')}"`, lastModified: new Date(clock).toUTCString(), type: contentType, headers });
    },
    failWith(status) {
      failure = status;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
