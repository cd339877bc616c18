/**
 * Broken token servers and repos through the flow engine (createFlowClient) over real loopback
 * HTTP: each gives one typed error naming its step, never a secret, never a hang. Cases already in
 * test/integration/flow/error-kinds.test.ts and test/unit/http are not repeated here.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { traceOfError } from '../../../electron/core/auth/flow';
import type { ChartDeskError } from '../../../electron/core/errors';
import { startHttp } from '../../unit/http/servers';
import { creds, failureOf, flowClients, repoAt } from '../flow/helpers';
import { API_KEY, startBrokenPair, stackTraceWith, type BrokenPair } from './broken-servers';

const clients = flowClients();
/** Short timeouts so a server that stalls fails the test quickly instead of hanging it. */
const quick = () => clients.make({ http: { connectTimeoutMs: 1000, headersTimeoutMs: 1000, bodyTimeoutMs: 300, slowBodyWindowMs: 600 } });

let pair: BrokenPair;
beforeAll(async () => {
  pair = await startBrokenPair();
});
afterEach(() => pair.onAuthorized((_req, res) => res.end('apiVersion: v1\nentries: {}\n')));
afterAll(async () => {
  await clients.closeAll();
  await pair.close();
});

const repo = () => repoAt(`${pair.repo.origin}/org1/repo1`, { dialect: 'A' });
const get = (flow = quick()) => failureOf(flow.request({ repo: repo(), credentials: creds(API_KEY), url: pair.indexUrl }));

/** One typed error at `step`, with no secret in its message, hint or trace. */
function expectTyped(error: ChartDeskError, kind: string, step: string): void {
  expect([error.kind, error.step]).toEqual([kind, step]);
  const text = JSON.stringify({ message: error.message, hint: error.hint, trace: traceOfError(error) ?? [] });
  expect(text).not.toContain(API_KEY);
  expect(text).not.toMatch(/Traceback|KeyError/);
}

describe('a token server that answers 200 with something other than a token', () => {
  it('HTML (a login page or a proxy’s error page): says it is not JSON', async () => {
    pair.behave((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body>Sign in</body></html>'));
    const error = await get();
    expectTyped(error, 'http', 'token');
    expect(error.message).toBe(`The token server at ${pair.token.origin} answered with something that is not JSON.`);
  });

  it('`{}`: says there is no token in it', async () => {
    pair.behave((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
    const error = await get();
    expectTyped(error, 'http', 'token');
    expect(error.message).toMatch(/answered without a token/);
  });

  it('an opaque (non-JWT) token without expires_in: used for 60 s, and a repo refusing it gets a plain diagnosis', async () => {
    pair.behave((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"token":"opaque-not-a-jwt"}'));
    const before = Date.now();
    const { token } = await quick().token({ repo: repo(), credentials: creds(API_KEY) });
    expect(token.token).toBe('opaque-not-a-jwt');
    expect(token.expiresAt - before).toBeGreaterThanOrEqual(60_000);
    expect(token.expiresAt - Date.now()).toBeLessThanOrEqual(60_000);

    pair.onAuthorized((_req, res) => res.writeHead(401, { 'www-authenticate': 'Bearer error="invalid_token"' }).end());
    const error = await get();
    expectTyped(error, 'repo-rejected-token', 'retry');
    expect(error.message).toBe(`The repo rejected a fresh token from ${pair.token.origin} (HTTP 401).`);
    expect(JSON.stringify(traceOfError(error))).not.toContain('opaque-not-a-jwt');
  });
});

describe('a token server that fails', () => {
  it('500 with a stack trace holding the API key: says it answered 500, and shows none of the body', async () => {
    pair.behave((_req, res) => res.writeHead(500, { 'content-type': 'text/plain' }).end(stackTraceWith(API_KEY)));
    const error = await get();
    expectTyped(error, 'http', 'token');
    expect(error.message).toBe(`The token server at ${pair.token.origin} answered HTTP 500.`);
  });

  it('a body that stops halfway and never ends: times out', async () => {
    pair.behave((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"token":"');
    });
    // The idle-body timeout alone (the slow-body window left at its 30 s default).
    const error = await get(clients.make({ http: { headersTimeoutMs: 1000, bodyTimeoutMs: 300 } }));
    expectTyped(error, 'timeout', 'token');
    expect(error.message).toMatch(/took too long to send the rest of its answer/);
  });

  it('a body that trickles forever, a byte at a time: stops waiting instead of hanging', async () => {
    const timers: NodeJS.Timeout[] = [];
    pair.behave((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      timers.push(setInterval(() => res.write(' '), 50));
      res.on('close', () => timers.forEach(clearInterval));
    });
    try {
      const error = await get();
      expectTyped(error, 'timeout', 'token');
      expect(error.message).toMatch(/too slowly/);
    } finally {
      timers.forEach(clearInterval);
    }
  });

  it('a redirect loop: stops after the redirect limit', async () => {
    pair.behave((req, res) => res.writeHead(302, { location: req.url ?? '/' }).end());
    const error = await get();
    expectTyped(error, 'http', 'token');
    expect(error.message).toMatch(/redirect/i);
  });
});

describe('a repo that challenges badly', () => {
  it('401 with a garbage WWW-Authenticate: challenge-malformed', async () => {
    const server = await startHttp((_req, res) => res.writeHead(401, { 'www-authenticate': '%%%,,, ="=' }).end());
    try {
      const error = await failureOf(quick().request({ repo: repoAt(server.origin), credentials: creds(API_KEY), url: `${server.origin}/index.yaml` }));
      expectTyped(error, 'challenge-malformed', 'challenge');
    } finally {
      await server.close();
    }
  });

  it('401 with no WWW-Authenticate at all: says it cannot tell how to authenticate', async () => {
    const server = await startHttp((_req, res) => res.writeHead(401).end('unauthorized'));
    try {
      const error = await failureOf(quick().request({ repo: repoAt(server.origin), credentials: creds(API_KEY), url: `${server.origin}/index.yaml` }));
      expectTyped(error, 'challenge-malformed', 'challenge');
      expect(error.message).toMatch(/401 without a WWW-Authenticate challenge/);
    } finally {
      await server.close();
    }
  });
});

describe('a repo that sends a body it does not deliver', () => {
  beforeAll(() => {
    pair.behave((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"token":"opaque-good","expires_in":300}'));
  });
  it('declares 10 GB and closes early: too-large at once, nothing buffered', async () => {
    pair.onAuthorized((_req, res) => {
      res.writeHead(200, { 'content-length': String(10 * 1024 ** 3) });
      res.write(Buffer.alloc(64 * 1024, 0x61));
      setTimeout(() => res.destroy(), 50);
    });
    const error = await get();
    expectTyped(error, 'too-large', 'retry');
    expect(error.message).toBe('The response is larger than the 256.0 MiB limit.');
  });

  it('declares a plausible size and closes early: a network error, not a truncated index', async () => {
    pair.onAuthorized((_req, res) => {
      res.writeHead(200, { 'content-length': '100000' });
      res.write('apiVersion: v1\nentries:\n');
      setTimeout(() => res.destroy(), 50);
    });
    const error = await get();
    expectTyped(error, 'network', 'retry');
    expect(error.message).toContain(pair.repo.origin);
  });

  it('streams a 300 MB index without a length: stops at the cap instead of buffering it all', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    pair.onAuthorized((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-yaml' });
      let left = 300;
      const pump = () => {
        while (left > 0 && !res.destroyed) {
          left--;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      res.on('close', () => (left = 0));
      pump();
    });
    const sentBefore = pair.repoBytesSent();
    const error = await failureOf(quick().request({ repo: repo(), credentials: creds(API_KEY), url: pair.indexUrl, maxBytes: 8 * 1024 * 1024 }));
    expectTyped(error, 'too-large', 'retry');
    expect(error.message).toBe('The response is larger than the 8.0 MiB limit.');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(pair.repoBytesSent() - sentBefore).toBeLessThan(64 * 1024 * 1024);
  });
});
