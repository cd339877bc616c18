import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { eventNames } from '../contract';
import type { Dispatcher } from '../core/dispatch';
import type { EventBus } from '../core/events';
import { hostAllowed, originAllowed, tokenPresented, safeEqual, type AccessPolicy } from './access';
import { SECURITY_HEADERS } from './csp';
import { loadStaticFiles } from './static-files';

/** What the browser-mode server needs. */
export interface WebServerOptions {
  dispatcher: Dispatcher;
  events: EventBus;
  /** Folder of the built renderer (index.html and assets). */
  staticDir: string;
  /** Port to listen on; 0 picks a free one. */
  port?: number;
  /** Per-launch secret; a random one when absent. */
  token?: string;
  /** Largest API request body accepted, in bytes. */
  maxBodyBytes?: number;
}

/** A running browser-mode server. */
export interface WebServer {
  /** The URL to open, token included. */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

const JSON_HEADERS = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { ...SECURITY_HEADERS, ...JSON_HEADERS });
  res.end(JSON.stringify(body));
}

function refuse(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { ok: false, error: { kind: 'bad-request', step: 'browser-mode', message } });
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * Starts the browser mode: the built renderer and the contract over loopback HTTP.
 * Binds 127.0.0.1 only; every request needs the per-launch token and the exact Host,
 * API calls also this server's own Origin.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const staticDir = path.resolve(options.staticDir);
  const maxBody = options.maxBodyBytes ?? 96 * 1024 * 1024;
  const streams = new Set<ServerResponse>();
  const files = await loadStaticFiles(staticDir);

  const handle = async (req: IncomingMessage, res: ServerResponse, access: AccessPolicy) => {
    if (!hostAllowed(req, access)) return refuse(res, 421, 'This server only answers to its own loopback address.');
    const url = new URL(req.url ?? '/', access.origin);

    // The printed URL carries the token once: the page comes back with a same-site session cookie
    // in the same answer (no redirect round trip), and its entry script drops the token from the
    // address bar. Referrer-Policy no-referrer keeps it out of every request the page makes.
    const offered = url.searchParams.get('token');
    let cookie: string | undefined;
    if (offered !== null && req.method === 'GET' && !url.pathname.startsWith('/api/')) {
      if (!safeEqual(offered, access.token)) return refuse(res, 401, 'The token in this URL is not the one ChartDesk printed at launch.');
      cookie = `${access.cookieName}=${access.token}; HttpOnly; SameSite=Strict; Path=/`;
    } else if (!tokenPresented(req, access)) {
      return refuse(res, 401, 'Open the full URL ChartDesk printed when it started (it carries a one-time token).');
    }

    if (url.pathname.startsWith('/api/')) {
      const isEvents = url.pathname === '/api/events';
      if (!originAllowed(req, access, !isEvents)) return refuse(res, 403, 'API calls are accepted only from ChartDesk’s own page.');
      if (isEvents && req.method === 'GET') return openEventStream(req, res);
      if (req.method !== 'POST') return refuse(res, 405, 'API methods are called with POST.');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(res, 415, 'API calls send application/json.');
      let args: unknown;
      try {
        const body = await readBody(req, maxBody);
        args = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
      } catch (error) {
        return refuse(res, (error as Error).message === 'too large' ? 413 : 400, (error as Error).message === 'too large' ? 'The request is too large.' : 'The request body is not valid JSON.');
      }
      const envelope = await options.dispatcher.call(decodeURIComponent(url.pathname.slice(5)), args);
      return sendJson(res, envelope.ok || envelope.error.kind !== 'bad-request' ? 200 : 400, envelope);
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Only GET is served here.');
    const file = await files.get(url.pathname);
    if (!file) return refuse(res, 404, 'Not found. Was the renderer built (npm run build)?');
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': file.contentType,
      'Cache-Control': cookie || file.contentType.startsWith('text/html') ? 'no-store' : 'max-age=3600',
      ...(cookie ? { 'Set-Cookie': cookie } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  };

  const openEventStream = (req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(`: ChartDesk events (${eventNames.join(', ')})\n\n`);
    streams.add(res);
    // Nothing is written once the stream is ended or its socket is gone (a late event must not throw).
    const write = (text: string) => {
      if (!res.writableEnded && !res.destroyed) res.write(text);
    };
    res.on('error', () => undefined);
    const unsubscribe = options.events.subscribe((name, payload) => write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`));
    const keepAlive = setInterval(() => write(': ping\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(keepAlive);
      unsubscribe();
      streams.delete(res);
    });
  };

  const server: Server = createServer();
  server.headersTimeout = 20_000;
  server.requestTimeout = 5 * 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  const policy: AccessPolicy = { host: `127.0.0.1:${port}`, origin, token, cookieName: `chartdesk_${port}` };
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res, policy).catch(() => {
      if (!res.headersSent) refuse(res, 500, 'The browser-mode server failed to answer.');
      else res.end();
    });
  });

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
