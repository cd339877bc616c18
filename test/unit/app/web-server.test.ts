import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootCore } from '../../../electron/core/boot';
import type { EventBus } from '../../../electron/core/events';
import { silentLogger } from '../../../electron/core/log';
import { startWebServer, type WebServer } from '../../../electron/web/server';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so Host and Origin can be anything a hostile page could send. */
function send(server: WebServer, options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  const { port } = new URL(server.origin);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: Number(port), method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

let server: WebServer;
let staticDir: string;
let events: EventBus;

beforeAll(async () => {
  staticDir = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-static-'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>ChartDesk</title>');
  mkdirSync(path.join(staticDir, 'assets'));
  writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log("app");');
  // The real core, in session-only mode: this test is about the transport, not the keychain.
  const core = await bootCore({ transport: 'browser', dataDir: path.join(staticDir, 'data'), log: silentLogger, env: { CHARTDESK_KEYCHAIN: 'off' } });
  events = core.context.events;
  server = await startWebServer({ dispatcher: core.dispatcher, events, staticDir });
});

afterAll(async () => {
  await server.close();
  rmSync(staticDir, { recursive: true, force: true });
});

const host = () => new URL(server.origin).host;
const api = (extra: Record<string, string> = {}) => ({
  method: 'POST',
  path: '/api/appInfo',
  body: '{}',
  headers: { Host: host(), Origin: server.origin, 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}`, ...extra },
});

describe('the browser-mode server', () => {
  it('prints a loopback URL that carries the token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
  });

  it('answers a contract call from its own page', async () => {
    const reply = await send(server, api());
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: true, value: { name: 'ChartDesk', transport: 'browser', keychain: { state: 'session-only' } } });
  });

  it('refuses a missing token', async () => {
    const { Authorization: _dropped, ...headers } = api().headers;
    const reply = await send(server, { ...api(), headers });
    expect(reply.status).toBe(401);
    expect(reply.body).not.toContain(server.token);
  });

  it('refuses a wrong token, in the header, the cookie or the URL', async () => {
    expect((await send(server, api({ Authorization: 'Bearer wrong-token' }))).status).toBe(401);
    expect((await send(server, { path: '/', headers: { Host: host(), Cookie: `chartdesk_${new URL(server.origin).port}=nope` } })).status).toBe(401);
    expect((await send(server, { path: '/?token=guess', headers: { Host: host() } })).status).toBe(401);
  });

  it('refuses a foreign Origin on API calls, and a missing one', async () => {
    expect((await send(server, api({ Origin: 'http://evil.example' }))).status).toBe(403);
    expect((await send(server, api({ Origin: 'http://localhost:' + new URL(server.origin).port }))).status).toBe(403);
    const { Origin: _dropped, ...headers } = api().headers;
    expect((await send(server, { ...api(), headers })).status).toBe(403);
  });

  it('refuses a foreign Host (DNS rebinding), even with the right token', async () => {
    expect((await send(server, api({ Host: `evil.example:${new URL(server.origin).port}` }))).status).toBe(421);
    expect((await send(server, api({ Host: `localhost:${new URL(server.origin).port}` }))).status).toBe(421);
  });

  it('answers the URL token with the page itself, an HttpOnly, SameSite=Strict cookie and a CSP', async () => {
    const login = await send(server, { path: `/?token=${server.token}`, headers: { Host: host() } });
    expect(login.status).toBe(200);
    expect(login.body).toContain('<title>ChartDesk</title>');
    expect(login.body).not.toContain(server.token);
    expect(login.headers['cache-control']).toBe('no-store');
    expect(login.headers['referrer-policy']).toBe('no-referrer');
    expect(login.headers['content-security-policy']).toContain("default-src 'self'");
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    // A token on an API call is not a way in: those need the cookie or the header.
    expect((await send(server, { method: 'POST', path: `/api/appInfo?token=${server.token}`, body: '{}', headers: { Host: host(), Origin: server.origin, 'Content-Type': 'application/json' } })).status).toBe(401);
    const page = await send(server, { path: '/', headers: { Host: host(), Cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>ChartDesk</title>');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('serves the renderer it found at start from memory, and a file built later from disk', async () => {
    const cookie = String((await send(server, { path: `/?token=${server.token}`, headers: { Host: host() } })).headers['set-cookie']?.[0] ?? '').split(';')[0] ?? '';
    const get = (file: string) => send(server, { path: file, headers: { Host: host(), Cookie: cookie } });
    writeFileSync(path.join(staticDir, 'assets', 'later.js'), 'export const later = 1;');
    const later = await get('/assets/later.js');
    expect(later.status).toBe(200);
    expect(later.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(later.body).toBe('export const later = 1;');
    // Removed from disk after start (a rebuild under way): the page the server started with still loads, whole.
    rmSync(path.join(staticDir, 'assets', 'app.js'));
    const app = await get('/assets/app.js');
    expect(app.status).toBe(200);
    expect(app.body).toBe('console.log("app");');
    expect((await get('/assets/gone.js')).status).toBe(404);
  });

  it('never serves files outside the renderer folder', async () => {
    const reply = await send(server, { path: '/..%2f..%2f..%2fetc%2fpasswd.txt', headers: { Host: host(), Authorization: `Bearer ${server.token}` } });
    expect(reply.status).toBe(404);
    expect(reply.body).not.toContain('root:');
  });

  it('rejects unknown methods and invalid arguments with a clear message', async () => {
    const unknown = await send(server, { ...api(), path: '/api/evalSomething' });
    expect(JSON.parse(unknown.body).error.message).toContain('no method called "evalSomething"');
    const invalid = await send(server, { ...api(), body: '{"extra":"field"}' });
    expect(JSON.parse(invalid.body)).toMatchObject({ ok: false, error: { kind: 'bad-request' } });
    const proto = await send(server, { ...api(), path: '/api/__proto__' });
    expect(JSON.parse(proto.body)).toMatchObject({ ok: false, error: { kind: 'bad-request' } });
  });

  it('streams contract events to the page', async () => {
    const { port } = new URL(server.origin);
    const received = await new Promise<string>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: Number(port), path: '/api/events', headers: { Host: host(), Authorization: `Bearer ${server.token}` } }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          text += chunk;
          if (text.includes('event: reposChanged')) {
            req.destroy();
            resolve(text);
          }
        });
        setTimeout(() => events.emit('reposChanged', { repos: [] }), 50);
      });
      req.on('error', reject);
      req.end();
    });
    expect(received).toContain('data: {"repos":[]}');
  });
});
