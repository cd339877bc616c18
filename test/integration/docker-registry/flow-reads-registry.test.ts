import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFlowClient, type FlowClient, type FlowCredentials, type FlowRepo } from '../../../electron/core/auth/flow';
import { ChartDeskError } from '../../../electron/core/errors';
import { startPeer, type Peer } from './peer';

describe('the flow engine reads a real Docker distribution 2.8 through its own challenges', () => {
  let peer: Peer;
  let client: FlowClient;
  let repo: FlowRepo;
  const anonymous = async (): Promise<FlowCredentials> => ({});
  const get = (path: string, credentials = anonymous) => client.request({ repo, credentials, url: `${peer.registry.url}${path}` });

  beforeAll(async () => {
    peer = await startPeer();
    repo = {
      url: peer.registry.url,
      // The registry is 127.0.0.1, its realm localhost: the user approved that token server.
      auth: { mode: 'token-server', dialect: 'auto', approvedRealmOrigin: new URL(peer.sandbox.tokenUrl).origin },
      tls: { insecureSkipVerify: false },
      passCredentialsAll: false,
    };
  });
  afterAll(() => peer?.close());
  afterEach(async () => {
    await client?.close();
    peer.policy.grant = (requested) => requested;
  });

  it('lists the catalog: challenge registry:catalog:* -> dialect B token (auto) -> retry', async () => {
    client = createFlowClient({ userAgent: 'ChartDesk/test' });
    const seen = peer.sandbox.requests.length;
    const res = await get('/v2/_catalog');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.toString('utf8'))).toEqual({ repositories: ['other', 'team/app'] });
    expect(res.token).toMatchObject({ dialect: 'B', scope: 'registry:catalog:*', service: 'chartdesk-test-registry' });
    const tokenRequests = peer.sandbox.requests.slice(seen).filter((r) => r.server === 'token').map((r) => `${r.method} ${r.status}`);
    // auto: dialects the realm does not speak answer 404/405 and the flow moves on to B
    expect(tokenRequests.at(-1)).toBe('GET 200');
    for (const earlier of tokenRequests.slice(0, -1)) expect(earlier).toMatch(/ 40[45]$/);
  });

  it('reads a repository\'s tag list with a repository:<name>:pull token', async () => {
    client = createFlowClient({ userAgent: 'ChartDesk/test' });
    const res = await get('/v2/team/app/tags/list');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.toString('utf8'))).toEqual({ name: 'team/app', tags: ['1.0'] });
    expect(res.token?.scope).toBe('repository:team/app:pull');
  });

  it('moves from the catalog to a tag list on the same registry: the scope follows each challenge', async () => {
    client = createFlowClient({ userAgent: 'ChartDesk/test' });
    expect((await get('/v2/_catalog')).status).toBe(200);
    const tags = await get('/v2/other/tags/list');
    expect(tags.status).toBe(200);
    expect(JSON.parse(tags.body.toString('utf8'))).toEqual({ name: 'other', tags: ['latest'] });
  });

  it('reports scope-denied when the token server will not grant the catalog (error="insufficient_scope")', async () => {
    client = createFlowClient({ userAgent: 'ChartDesk/test' });
    peer.policy.grant = (requested) => requested.filter((r) => r.type !== 'registry');
    const failure = await get('/v2/_catalog').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(ChartDeskError);
    expect((failure as ChartDeskError).kind).toBe('scope-denied');
    expect((await get('/v2/team/app/tags/list')).status).toBe(200);
  });

  it('sends Basic credentials to the token server and reports a wrong password as token-server-rejected', async () => {
    client = createFlowClient({ userAgent: 'ChartDesk/test' });
    peer.policy.grant = (requested, user) => (user === 'user' ? requested : []);
    const good = await get('/v2/team/app/tags/list', async () => ({ username: 'user', secret: 'pass' }));
    expect(good.status).toBe(200);
    await client.close();
    client = createFlowClient({ userAgent: 'ChartDesk/test' });
    const failure = await get('/v2/team/app/tags/list', async () => ({ username: 'user', secret: 'wrong-password' })).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect((failure as ChartDeskError).kind).toBe('token-server-rejected');
    expect((failure as ChartDeskError).message).not.toContain('wrong-password');
  });
});
