/** A static chart repo on loopback (like GitHub Pages): files with ETag/Last-Modified, 304s, optional Basic auth. */
import { createHash } from 'node:crypto';
import http from 'node:http';
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
  /** Adds or replaces a file (its ETag and Last-Modified change). */
  put(path: string, body: Buffer | string, contentType?: string): void;
  /** Makes every request answer this status from now on (undefined: back to normal). */
  failWith(status: number | undefined): void;
  close(): Promise<void>;
}

/** Starts the server on 127.0.0.1 with a random port; `basicAuth` requires "user:pass" on every request. */
export async function startStaticRepo(options: { host?: string; basicAuth?: string } = {}): Promise<StaticRepo> {
  const files = new Map<string, { body: Buffer; etag: string; lastModified: string; type: string }>();
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
    const validators = { etag: file.etag, 'last-modified': file.lastModified, 'content-type': file.type };
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    if ((inm !== undefined && inm === file.etag) || (inm === undefined && ims !== undefined && Date.parse(ims) >= Date.parse(file.lastModified))) {
      return answer(304, undefined, validators);
    }
    return answer(200, file.body, validators);
  });
  await new Promise<void>((resolve) => server.listen(0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${options.host ?? '127.0.0.1'}:${port}`,
    requests,
    put(path, body, contentType = 'application/octet-stream') {
      const bytes = typeof body === 'string' ? Buffer.from(body) : body;
      clock += 60_000;
      files.set(path, { body: bytes, etag: `"${createHash('sha1').update(bytes).digest('hex')}"`, lastModified: new Date(clock).toUTCString(), type: contentType });
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
