import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { verifyJwt } from '../../../electron/core/jwt/verify';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SHARED_DATA } from '../../support/paths';
import { creds, flowClients, repoAt } from './helpers';

const clients = flowClients();
afterAll(() => clients.closeAll());
const CERT = readFileSync(path.join(SHARED_DATA, 'auth', 'chartmuseum-example-server.pem'), 'utf8');

describe('the seed walkthrough against the sandbox (dialect A)', () => {
  let sb: RunningSandbox;
  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(() => sb.close());
  afterEach(() => {
    sb.requests.length = 0;
  });

  it('gets the index through challenge -> token -> retry, with the key and token redacted in the trace', async () => {
    const flow = clients.make();
    const repo = repoAt(`${sb.repoUrl}/org1/repo1`);
    const res = await flow.request({ repo, credentials: creds('MASTERKEY'), url: `${repo.url}/index.yaml` });
    expect(res.status).toBe(200);
    expect(res.body.toString()).toContain('mychart');
    const http = res.trace.filter((e) => e.method);
    expect(http.map((e) => [e.step, e.method, e.status])).toEqual([
      ['challenge', 'GET', 401],
      ['token', 'POST', 200],
      ['retry', 'GET', 200],
    ]);
    expect(http[0]?.responseHeaders['www-authenticate']).toContain('scope="artifact-repository:org1/repo1:pull"');
    expect(http[1]?.url).toBe(`${sb.tokenUrl}?grant_type=client_credentials&scope=artifact-repository:org1/repo1:pull`);
    expect(http[2]?.requestHeaders.authorization).toMatch(/^Bearer eyJh….{4}$/);
    const text = JSON.stringify(res.trace);
    expect(text).not.toContain('MASTERKEY');
    expect(text).not.toContain(res.token?.token ?? 'no token');
    expect(res.token).toMatchObject({ dialect: 'A', realm: sb.tokenUrl, service: sb.service, scope: 'artifact-repository:org1/repo1:pull' });
    expect(await verifyJwt(res.token?.token ?? '', { pem: CERT })).toEqual({ verified: true });
    const tokenRequest = sb.requests.find((r) => r.server === 'token');
    expect(tokenRequest?.headers.authorization).toBe('Bearer MASTERKEY');
  });

  it('reuses the cached token: the next request goes straight through', async () => {
    const flow = clients.make();
    const repo = repoAt(`${sb.repoUrl}/org1/repo1`);
    await flow.request({ repo, credentials: creds('MASTERKEY'), url: `${repo.url}/index.yaml` });
    const second = await flow.request({ repo, credentials: creds('MASTERKEY'), url: `${repo.url}/charts/mychart-0.1.0.tgz` });
    expect(second.status).toBe(200);
    expect(second.trace.filter((e) => e.method).map((e) => e.step)).toEqual(['request']);
    expect(sb.requests.filter((r) => r.server === 'token')).toHaveLength(1);
  });

  it('asks for pull,push when the operation pushes', async () => {
    const flow = clients.make();
    const repo = repoAt(`${sb.repoUrl}/org2/repo2`);
    const res = await flow.request({ repo, credentials: creds('MASTERKEY'), url: `${repo.url}/index.yaml`, scope: 'push' });
    expect(res.token?.scope).toBe('artifact-repository:org2/repo2:pull,push');
    const { token } = await flow.token({ repo, credentials: creds('MASTERKEY'), scope: 'push' });
    expect(token.token).toBe(res.token?.token);
  });

  it('gets a fresh token with token(), probing the index for the challenge', async () => {
    const flow = clients.make();
    const repo = repoAt(`${sb.repoUrl}/org1/repo1`);
    const first = await flow.token({ repo, credentials: creds('MASTERKEY') });
    expect(first.trace.filter((e) => e.method).map((e) => [e.step, e.method, e.status])).toEqual([
      ['challenge', 'HEAD', 401],
      ['token', 'POST', 200],
    ]);
    const again = await flow.token({ repo, credentials: creds('MASTERKEY') });
    expect(again.token.token).toBe(first.token.token);
    const fresh = await flow.token({ repo, credentials: creds('MASTERKEY'), fresh: true });
    expect(fresh.trace.some((e) => e.step === 'token' && e.method === 'POST')).toBe(true);
  });

  it('keeps a token fresh on request and stops when asked', async () => {
    const flow = clients.make();
    const repo = repoAt(`${sb.repoUrl}/org1/repo1`);
    const errors: unknown[] = [];
    const stop = flow.keepFresh({ repo, credentials: creds('MASTERKEY') }, undefined, (e) => errors.push(e));
    await expect.poll(() => sb.requests.filter((r) => r.server === 'token').length).toBe(1);
    stop();
    expect(errors).toEqual([]);
  });

  it('sends no credentials to a URL on another origin', async () => {
    const flow = clients.make();
    const repo = repoAt(`${sb.repoUrl}/org1/repo1`);
    const elsewhere = sb.repoUrl.replace('localhost', '127.0.0.1');
    const res = await flow.request({ repo, credentials: creds('MASTERKEY'), url: `${elsewhere}/org1/repo1/index.yaml` });
    expect(res.status).toBe(401);
    expect(sb.requests.some((r) => r.server === 'token')).toBe(false);
  });
});

describe('token dialects B and C, and auto detection', () => {
  let sb: RunningSandbox;
  beforeAll(async () => {
    sb = await startSandbox({ dialects: ['B'], basicUsers: { alice: 'wonderland-password' } });
  });
  afterAll(() => sb.close());

  it('falls back from A to B on 405 and says so in the trace', async () => {
    sb.setOption('dialects', ['B']);
    const flow = clients.make();
    const repo = repoAt(`${sb.repoUrl}/org1/repo1`, { username: 'alice' });
    const res = await flow.request({ repo, credentials: creds('wonderland-password', 'alice'), url: `${repo.url}/index.yaml` });
    expect(res.status).toBe(200);
    expect(res.token?.dialect).toBe('B');
    expect(res.trace.some((e) => e.note?.includes('answered 405 to dialect A; trying dialect B'))).toBe(true);
    const tokenCall = res.trace.find((e) => e.step === 'token' && e.method === 'GET');
    expect(tokenCall?.url).toContain(`service=${sb.service}`);
    expect(tokenCall?.requestHeaders.authorization).toBe('Basic ‹redacted›');
  });

  it('speaks C to an OAuth2-only server, past A’s 400 unsupported_grant_type and B’s 405', async () => {
    sb.setOption('dialects', ['C']);
    const flow = clients.make();
    const repo = repoAt(`${sb.repoUrl}/org1/repo1`, { username: 'alice' });
    const res = await flow.request({ repo, credentials: creds('wonderland-password', 'alice'), url: `${repo.url}/index.yaml` });
    expect(res.status).toBe(200);
    expect(res.token?.dialect).toBe('C');
    expect(res.trace.filter((e) => e.note?.includes('trying dialect')).length).toBe(2);
    expect(JSON.stringify(res.trace)).not.toContain('wonderland-password');
  });

  it('uses the configured dialect directly', async () => {
    sb.setOption('dialects', ['B', 'C']);
    const flow = clients.make();
    const repo = repoAt(`${sb.repoUrl}/org1/repo1`, { username: 'alice', dialect: 'C' });
    const res = await flow.request({ repo, credentials: creds('wonderland-password', 'alice'), url: `${repo.url}/index.yaml` });
    expect(res.token?.dialect).toBe('C');
    expect(res.trace.filter((e) => e.step === 'token' && e.method)).toHaveLength(1);
  });
});

describe('other auth modes', () => {
  it('reads anonymously in anonymous-get mode and finds the push challenge on the upload route', async () => {
    const sb = await startSandbox({ auth: 'anonymous-get' });
    try {
      const flow = clients.make();
      const repo = repoAt(`${sb.repoUrl}/org1/repo1`);
      const res = await flow.request({ repo, credentials: creds('MASTERKEY'), url: `${repo.url}/index.yaml` });
      expect(res.status).toBe(200);
      expect(res.token).toBeUndefined();
      const { token } = await flow.token({ repo, credentials: creds('MASTERKEY'), scope: 'push' });
      expect(token.scope).toBe('artifact-repository:org1/repo1:pull,push');
    } finally {
      await sb.close();
    }
  });

  it('sends Basic credentials in basic mode', async () => {
    const sb = await startSandbox({ auth: 'basic', basicUsers: { bob: 'builder-password' } });
    try {
      const flow = clients.make();
      const repo = repoAt(`${sb.repoUrl}/org1/repo1`, { mode: 'basic', username: 'bob' });
      const res = await flow.request({ repo, credentials: creds('builder-password', 'bob'), url: `${repo.url}/index.yaml` });
      expect(res.status).toBe(200);
      expect(res.trace[0]?.requestHeaders.authorization).toBe('Basic ‹redacted›');
    } finally {
      await sb.close();
    }
  });

  it('sends a static bearer token as is', async () => {
    const sb = await startSandbox();
    try {
      const flow = clients.make();
      const { token } = await flow.token({ repo: repoAt(`${sb.repoUrl}/org1/repo1`), credentials: creds('MASTERKEY') });
      const repo = repoAt(`${sb.repoUrl}/org1/repo1`, { mode: 'bearer' });
      const res = await clients.make().request({ repo, credentials: creds(token.token), url: `${repo.url}/index.yaml` });
      expect(res.status).toBe(200);
      expect(res.trace.filter((e) => e.method)).toHaveLength(1);
    } finally {
      await sb.close();
    }
  });
});
