/** Every error kind of the flow, produced on purpose against real loopback servers; no message holds a secret. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { traceOfError } from '../../../electron/core/auth/flow';
import type { ChartDeskError } from '../../../electron/core/errors';
import { startHttp, startHttps } from '../../unit/http/servers';
import { makeTlsFixtures } from '../../unit/http/tls-fixtures';
import { creds, failureOf, flowClients, repoAt } from './helpers';

const clients = flowClients();
afterAll(() => clients.closeAll());

const WRONG_KEY = 'WRONG-KEY-4f1c9a';
const PASSWORD = 'p4ssw0rd-do-not-leak';

/** Asserts the error's kind and that neither its text nor its trace reveals `secrets`. */
function expectClean(error: ChartDeskError, kind: string, secrets: string[]): void {
  expect(error.kind).toBe(kind);
  expect(error.step).toBeTruthy();
  const text = JSON.stringify({ message: error.message, hint: error.hint, trace: traceOfError(error) ?? [] });
  for (const secret of secrets) expect(text).not.toContain(secret);
}

describe('error kinds against the sandbox', () => {
  let sb: RunningSandbox;
  beforeAll(async () => {
    sb = await startSandbox({ dialects: ['A', 'B'], basicUsers: { alice: PASSWORD } });
  });
  afterAll(() => sb.close());
  const repo = (auth = {}) => repoAt(`${sb.repoUrl}/org1/repo1`, auth);
  const indexOf = (r: { url: string }) => `${r.url}/index.yaml`;

  it('token-server-rejected: a wrong key, never echoing the body that holds it', async () => {
    const r = repo({ dialect: 'A' });
    const error = await failureOf(clients.make().request({ repo: r, credentials: creds(WRONG_KEY), url: indexOf(r) }));
    expectClean(error, 'token-server-rejected', [WRONG_KEY]);
    expect(error.step).toBe('token');
    expect(error.message).toContain('rejected the API key (HTTP 401)');
  });

  it('scope-denied: the token server grants pull but the request needs push', async () => {
    sb.setOption('grant', (requested) => requested.map((a) => ({ ...a, actions: a.actions.filter((x) => x === 'pull') })));
    try {
      const r = repo({ dialect: 'B', username: 'alice' });
      const url = `${sb.repoUrl}/api/org1/repo1/charts/mychart/0.1.0`;
      const error = await failureOf(clients.make().request({ repo: r, credentials: creds(PASSWORD, 'alice'), url, method: 'DELETE', scope: 'push' }));
      expectClean(error, 'scope-denied', [PASSWORD]);
      expect(error.message).toBe('The token grants pull on org1/repo1, but this needs push.');
    } finally {
      sb.setOption('grant', undefined);
    }
  });

  it('repo-rejected-token with a clock-skew hint when the token server’s clock is ahead', async () => {
    sb.setOption('clockSkewSeconds', 120);
    try {
      const r = repo({ dialect: 'A' });
      const error = await failureOf(clients.make().request({ repo: r, credentials: creds('MASTERKEY'), url: indexOf(r) }));
      expectClean(error, 'repo-rejected-token', ['MASTERKEY']);
      expect(error.message).toMatch(/issued 1[12]\d s in the future/);
      expect(error.hint).toMatch(/[Cc]lock skew/);
      expect(traceOfError(error)?.filter((e) => e.step === 'retry' && e.status === 401)).toHaveLength(1);
    } finally {
      sb.setOption('clockSkewSeconds', 0);
    }
  });

  it('repo-rejected-token with a key-mismatch hint when the repo verifies with another key', async () => {
    const pki = makeTlsFixtures();
    sb.setOption('repoVerifyCertificatePem', pki.ca);
    try {
      const r = repo({ dialect: 'A' });
      const error = await failureOf(clients.make().request({ repo: r, credentials: creds('MASTERKEY'), url: indexOf(r) }));
      expectClean(error, 'repo-rejected-token', ['MASTERKEY']);
      expect(error.hint).toMatch(/different public key/);
      expect(sb.requests.filter((q) => q.server === 'token').length).toBeGreaterThan(0);
    } finally {
      sb.setOption('repoVerifyCertificatePem', undefined);
      pki.cleanup();
    }
  });

  it('realm-mismatch: the challenge names an origin other than the approved one, and the key is not sent', async () => {
    sb.requests.length = 0;
    const r = repo({ dialect: 'A', approvedRealmOrigin: 'http://auth.example.test' });
    const error = await failureOf(clients.make().request({ repo: r, credentials: creds('MASTERKEY'), url: indexOf(r) }));
    expectClean(error, 'realm-mismatch', ['MASTERKEY']);
    expect(error.message).toContain(new URL(sb.tokenUrl).origin);
    expect(error.message).toMatch(/Approve/);
    expect(sb.requests.some((q) => q.server === 'token')).toBe(false);
  });

  it('realm-mismatch: with nothing approved, a realm on another host stops the flow', async () => {
    sb.requests.length = 0;
    const r = repoAt(`${sb.repoUrl.replace('localhost', '127.0.0.1')}/org1/repo1`);
    const error = await failureOf(clients.make().request({ repo: r, credentials: creds('MASTERKEY'), url: indexOf(r) }));
    expectClean(error, 'realm-mismatch', ['MASTERKEY']);
    expect(sb.requests.some((q) => q.server === 'token')).toBe(false);
  });

  it('too-large: the index is bigger than the cap', async () => {
    const r = repo();
    const error = await failureOf(clients.make().request({ repo: r, credentials: creds('MASTERKEY'), url: indexOf(r), maxBytes: 64 }));
    expectClean(error, 'too-large', ['MASTERKEY']);
    expect(error.step).toBe('retry');
  });
});

describe('error kinds from misbehaving servers', () => {
  it('challenge-malformed: a garbled WWW-Authenticate header', async () => {
    const server = await startHttp((_req, res) => {
      res.writeHead(401, { 'www-authenticate': 'Bearer realm="http://127.0.0.1/token' }).end();
    });
    try {
      const r = repoAt(server.origin);
      expectClean(await failureOf(clients.make().request({ repo: r, credentials: creds('MASTERKEY'), url: `${server.origin}/index.yaml` })), 'challenge-malformed', ['MASTERKEY']);
    } finally {
      await server.close();
    }
  });

  it('network: nothing listens on the repo’s port', async () => {
    const gone = await startHttp(() => {});
    await gone.close();
    const r = repoAt(gone.origin);
    expectClean(await failureOf(clients.make().request({ repo: r, credentials: creds('MASTERKEY'), url: `${gone.origin}/index.yaml` })), 'network', ['MASTERKEY']);
  });

  it('timeout: the repo accepts the connection but never answers', async () => {
    const silent = await startHttp(() => {});
    try {
      const r = repoAt(silent.origin);
      const flow = clients.make({ http: { headersTimeoutMs: 300, connectTimeoutMs: 300 } });
      expectClean(await failureOf(flow.request({ repo: r, credentials: creds('MASTERKEY'), url: `${silent.origin}/index.yaml` })), 'timeout', ['MASTERKEY']);
    } finally {
      await silent.close();
    }
  });

  it('tls: the repo’s certificate is not trusted', async () => {
    const pki = makeTlsFixtures();
    const server = await startHttps({ key: pki.serverKey, cert: pki.serverCert }, (_req, res) => res.end('x'));
    try {
      const r = repoAt(server.origin);
      expectClean(await failureOf(clients.make().request({ repo: r, credentials: creds('MASTERKEY'), url: `${server.origin}/index.yaml` })), 'tls', ['MASTERKEY']);
    } finally {
      await server.close();
      pki.cleanup();
    }
  });

  it('credentials-rejected: basic mode with a wrong password', async () => {
    const sb = await startSandbox({ auth: 'basic', basicUsers: { bob: 'right-password' } });
    try {
      const r = repoAt(`${sb.repoUrl}/org1/repo1`, { mode: 'basic', username: 'bob' });
      expectClean(await failureOf(clients.make().request({ repo: r, credentials: creds(PASSWORD, 'bob'), url: `${r.url}/index.yaml` })), 'credentials-rejected', [PASSWORD]);
    } finally {
      await sb.close();
    }
  });
});

describe('a custom credential header (HELM_REPO_AUTH_HEADER)', () => {
  it('sends the raw token in the named header instead of Authorization', async () => {
    const sb = await startSandbox();
    const token = (await clients.make().token({ repo: repoAt(`${sb.repoUrl}/org1/repo1`), credentials: creds('MASTERKEY') })).token.token;
    const proxy = await startHttp((req, res) => {
      res.end(JSON.stringify({ custom: req.headers['x-my-header'] ?? null, authorization: req.headers.authorization ?? null }));
    });
    try {
      const r = repoAt(proxy.origin, { mode: 'bearer', headerName: 'X-My-Header' });
      const res = await clients.make().request({ repo: r, credentials: creds(token), url: `${proxy.origin}/index.yaml` });
      expect(JSON.parse(res.body.toString())).toEqual({ custom: token, authorization: null });
      expect(res.trace[0]?.requestHeaders['x-my-header']).toMatch(/^eyJh….{4}$/);
    } finally {
      await proxy.close();
      await sb.close();
    }
  });
});
