import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient, type HttpClient } from '../../../electron/core/http/client';
import { createTrace } from '../../../electron/core/http/trace';
import { ChartDeskError } from '../../../electron/core/errors';
import { startHttp, startHttps, startProxy, type TestServer } from './servers';
import { makeTlsFixtures, type TlsFixtures } from './tls-fixtures';

const clients: HttpClient[] = [];
function client(options: Parameters<typeof createHttpClient>[0]['options'] = {}, env: NodeJS.ProcessEnv = {}): HttpClient {
  const c = createHttpClient({ userAgent: 'ChartDesk/9.9.9', options, env });
  clients.push(c);
  return c;
}
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
});

async function failure(promise: Promise<unknown>): Promise<ChartDeskError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ChartDeskError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('http client over loopback', () => {
  let server: TestServer;
  let other: TestServer;
  beforeAll(async () => {
    other = await startHttp((req, res) => {
      res.setHeader('content-type', 'text/plain');
      res.end(`other saw auth=${req.headers.authorization ?? 'none'} x=${req.headers['x-my-header'] ?? 'none'}`);
    });
    server = await startHttp((req, res) => {
      const path = req.url ?? '/';
      if (path === '/ua') return void res.end(req.headers['user-agent']);
      if (path === '/big') {
        res.setHeader('content-length', '100000');
        return void res.end(Buffer.alloc(100_000));
      }
      if (path === '/stream') {
        res.write(Buffer.alloc(60_000));
        return void setTimeout(() => res.end(Buffer.alloc(60_000)), 10);
      }
      if (path === '/silent') return; // never answers
      if (path === '/loop') return void res.writeHead(302, { location: '/loop' }).end();
      if (path === '/away') return void res.writeHead(307, { location: `${other.origin}/landing` }).end();
      if (path === '/here') return void res.writeHead(301, { location: '/echo' }).end();
      if (path === '/echo') return void res.end(`auth=${req.headers.authorization ?? 'none'}`);
      if (path === '/see-other') return void res.writeHead(303, { location: '/echo' }).end();
      if (path === '/bad-location') return void res.writeHead(302, { location: 'http://[::1' }).end();
      if (path === '/to-file') return void res.writeHead(302, { location: 'file:///etc/passwd' }).end();
      res.statusCode = 404;
      res.end('{"error":"not found"}');
    });
  });
  afterAll(async () => {
    await server.close();
    await other.close();
  });

  it('sends User-Agent ChartDesk/<version> and traces the exchange', async () => {
    const trace = createTrace();
    const res = await client().send({ step: 'request', method: 'GET', url: `${server.origin}/ua` }, trace);
    expect(res.body.toString()).toBe('ChartDesk/9.9.9');
    expect(trace.entries[0]).toMatchObject({ step: 'request', method: 'GET', url: `${server.origin}/ua`, status: 200, bytes: 15 });
  });

  it('returns non-2xx statuses instead of throwing', async () => {
    const res = await client().send({ step: 'request', method: 'GET', url: `${server.origin}/nothing` }, createTrace());
    expect(res.status).toBe(404);
  });

  it('stops with too-large when Content-Length exceeds the cap, and when a streamed body does', async () => {
    const c = client();
    expect((await failure(c.send({ step: 'download', method: 'GET', url: `${server.origin}/big`, maxBytes: 50_000 }, createTrace()))).kind).toBe('too-large');
    const error = await failure(c.send({ step: 'download', method: 'GET', url: `${server.origin}/stream`, maxBytes: 100_000 }, createTrace()));
    expect(error.kind).toBe('too-large');
    expect(error.step).toBe('download');
  });

  it('reports progress while reading', async () => {
    const seen: number[] = [];
    await client().send({ step: 'download', method: 'GET', url: `${server.origin}/big`, onProgress: (n) => seen.push(n) }, createTrace());
    expect(seen[seen.length - 1]).toBe(100_000);
  });

  it('times out with kind timeout when the server never answers', async () => {
    const error = await failure(client({ headersTimeoutMs: 300 }).send({ step: 'request', method: 'GET', url: `${server.origin}/silent` }, createTrace()));
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain(server.origin);
  });

  it('says network when nothing listens', async () => {
    const closed = await startHttp(() => {});
    await closed.close();
    const error = await failure(client().send({ step: 'challenge', method: 'GET', url: `${closed.origin}/x` }, createTrace()));
    expect(error.kind).toBe('network');
    expect(error.step).toBe('challenge');
  });

  it('stops after the redirect limit', async () => {
    const error = await failure(client({ maxRedirects: 3 }).send({ step: 'request', method: 'GET', url: `${server.origin}/loop` }, createTrace()));
    expect(error.kind).toBe('http');
    expect(error.message).toMatch(/more than 3 times/);
  });

  it('keeps credentials on same-origin redirects and drops them on cross-origin ones', async () => {
    const c = client();
    const same = await c.send({ step: 'request', method: 'GET', url: `${server.origin}/here`, headers: { authorization: 'Bearer secret-token-value' } }, createTrace());
    expect(same.body.toString()).toBe('auth=Bearer secret-token-value');
    const trace = createTrace();
    const away = await c.send({ step: 'request', method: 'GET', url: `${server.origin}/away`, headers: { authorization: 'Bearer secret-token-value', 'x-my-header': 'tok' }, credentialHeaders: ['x-my-header'] }, trace);
    expect(away.body.toString()).toBe('other saw auth=none x=none');
    expect(away.url).toBe(`${other.origin}/landing`);
    expect(trace.entries.some((e) => e.step === 'redirect' && e.note?.includes('not sent'))).toBe(true);
  });

  it('never carries a key across origins: a cross-origin redirect is refused, and the trace hides the key whole', async () => {
    const key = 'an-api-key-that-is-longer-than-32-characters-Qz9x';
    const seenBefore = other.seen.length;
    const trace = createTrace();
    const request = { step: 'token', method: 'POST', url: `${server.origin}/away`, headers: { authorization: `Bearer ${key}` }, body: `password=${key}`, secrets: [key], carriesKey: true };
    const error = await failure(client().send(request, trace));
    expect(error).toMatchObject({ kind: 'http', step: 'token' });
    expect(error.message).toContain(other.origin);
    expect(other.seen.length).toBe(seenBefore);
    expect(trace.entries[0]?.requestHeaders.authorization).toBe('Bearer ‹redacted›');
    expect(JSON.stringify(trace.entries)).not.toContain(key.slice(-4));
  });

  it('refuses redirects to garbage and to non-http addresses with a typed error', async () => {
    const c = client();
    expect((await failure(c.send({ step: 'request', method: 'GET', url: `${server.origin}/bad-location` }, createTrace()))).kind).toBe('http');
    expect((await failure(c.send({ step: 'request', method: 'GET', url: `${server.origin}/to-file` }, createTrace()))).message).toContain('unsupported address');
  });

  it('turns POST into GET on 303', async () => {
    const res = await client().send({ step: 'request', method: 'POST', url: `${server.origin}/see-other`, body: 'x' }, createTrace());
    expect(res.status).toBe(200);
    expect(server.seen[server.seen.length - 1]?.method).toBe('GET');
  });
});

describe('http client TLS', () => {
  let pki: TlsFixtures;
  let tlsServer: TestServer;
  let mtlsServer: TestServer;
  beforeAll(async () => {
    pki = makeTlsFixtures();
    tlsServer = await startHttps({ key: pki.serverKey, cert: pki.serverCert }, (_req, res) => res.end('secure'));
    mtlsServer = await startHttps({ key: pki.serverKey, cert: pki.serverCert, ca: pki.ca, requestCert: true, rejectUnauthorized: true }, (req, res) => {
      res.end(`hello ${(req.socket as import('node:tls').TLSSocket).getPeerCertificate().subject?.CN}`);
    });
  });
  afterAll(async () => {
    await tlsServer.close();
    await mtlsServer.close();
    pki.cleanup();
  });

  it('says tls for a certificate it does not trust', async () => {
    const error = await failure(client().send({ step: 'request', method: 'GET', url: `${tlsServer.origin}/` }, createTrace()));
    expect(error.kind).toBe('tls');
    expect(error.hint).toMatch(/CA file/);
  });

  it('trusts a custom CA file', async () => {
    const res = await client().send({ step: 'request', method: 'GET', url: `${tlsServer.origin}/`, tls: { caFile: pki.caFile } }, createTrace());
    expect(res.body.toString()).toBe('secure');
  });

  it('skips verification when asked, with a warning in the trace', async () => {
    const trace = createTrace();
    const res = await client().send({ step: 'request', method: 'GET', url: `${tlsServer.origin}/`, tls: { insecureSkipVerify: true } }, trace);
    expect(res.body.toString()).toBe('secure');
    expect(trace.entries.some((e) => e.warning?.includes('insecure'))).toBe(true);
  });

  it('presents a client certificate', async () => {
    const tls = { caFile: pki.caFile, certFile: pki.clientCertFile, keyFile: pki.clientKeyFile };
    const res = await client().send({ step: 'request', method: 'GET', url: `${mtlsServer.origin}/`, tls }, createTrace());
    expect(res.body.toString()).toBe('hello chartdesk-client');
    const without = await failure(client().send({ step: 'request', method: 'GET', url: `${mtlsServer.origin}/`, tls: { caFile: pki.caFile } }, createTrace()));
    expect(['tls', 'network']).toContain(without.kind);
  });

  it('says tls when a CA file is missing', async () => {
    const error = await failure(client().send({ step: 'request', method: 'GET', url: `${tlsServer.origin}/`, tls: { caFile: '/nonexistent/ca.pem' } }, createTrace()));
    expect(error.kind).toBe('tls');
    expect(error.message).toContain('/nonexistent/ca.pem');
  });
});

describe('http client proxy', () => {
  it('goes through HTTP_PROXY, and straight to hosts in NO_PROXY', async () => {
    const target = await startHttp((req, res) => res.end(`target saw ${req.url}`));
    const proxy = await startProxy();
    try {
      const viaProxy = client({}, { HTTP_PROXY: proxy.origin });
      const res = await viaProxy.send({ step: 'request', method: 'GET', url: `${target.origin}/index.yaml` }, createTrace());
      expect(res.body.toString()).toBe('target saw /index.yaml');
      expect(proxy.seen.map((r) => r.url)).toEqual([expect.stringContaining(target.origin.replace('http://', ''))]);
      const bypass = client({}, { HTTP_PROXY: proxy.origin, NO_PROXY: '127.0.0.1' });
      expect((await bypass.send({ step: 'request', method: 'GET', url: `${target.origin}/x` }, createTrace())).body.toString()).toBe('target saw /x');
      expect(proxy.seen).toHaveLength(1);
    } finally {
      await target.close();
      await proxy.close();
    }
  });

  it('times out instead of hanging on a proxy that never answers', async () => {
    const target = await startHttp((_req, res) => res.end('x'));
    const deadProxy = await startHttp(() => {});
    try {
      const error = await failure(client({ connectTimeoutMs: 200, headersTimeoutMs: 200 }, { HTTP_PROXY: deadProxy.origin }).send({ step: 'request', method: 'GET', url: `${target.origin}/` }, createTrace()));
      expect(error.kind).toBe('timeout');
    } finally {
      await target.close();
      await deadProxy.close();
    }
  });
});
