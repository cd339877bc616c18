import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawToken, REGISTRY_SERVICE, startPeer, type Peer } from './peer';

describe('Docker distribution 2.8 trusts the sandbox token server (dialect B)', () => {
  let peer: Peer;
  const get = (path: string, token: string) => fetch(`${peer.registry.url}${path}`, { headers: { Authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    peer = await startPeer();
  });
  afterAll(() => peer?.close());

  it('challenges the catalog with registry:catalog:* and lists the pushed repositories for a catalog token', async () => {
    const bare = await fetch(`${peer.registry.url}/v2/_catalog`);
    expect(bare.status).toBe(401);
    expect(bare.headers.get('www-authenticate')).toBe(`Bearer realm="${peer.sandbox.tokenUrl}",service="${REGISTRY_SERVICE}",scope="registry:catalog:*"`);
    const res = await get('/v2/_catalog', await rawToken(peer.sandbox, ['registry:catalog:*']));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ repositories: ['other', 'team/app'] });
  });

  it('answers a token without the needed scope with error="insufficient_scope"', async () => {
    const res = await get('/v2/_catalog', await rawToken(peer.sandbox, ['repository:team/app:pull']));
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe(
      `Bearer realm="${peer.sandbox.tokenUrl}",service="${REGISTRY_SERVICE}",scope="registry:catalog:*",error="insufficient_scope"`,
    );
  });

  it('rejects a token without a kid, and one with the wrong audience, as error="invalid_token"', async () => {
    peer.sandbox.setOption('includeKid', false);
    try {
      const res = await get('/v2/team/app/tags/list', await rawToken(peer.sandbox, ['repository:team/app:pull']));
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
    } finally {
      peer.sandbox.setOption('includeKid', true);
    }
    peer.sandbox.setOption('audience', 'some-other-service');
    try {
      const res = await get('/v2/team/app/tags/list', await rawToken(peer.sandbox, ['repository:team/app:pull']));
      expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
    } finally {
      peer.sandbox.setOption('audience', REGISTRY_SERVICE);
    }
  });

  it('allows 60 s of skew: a token that expired 30 s ago still reads the tag list', async () => {
    peer.sandbox.setOption('clockSkewSeconds', -330);
    try {
      const res = await get('/v2/team/app/tags/list', await rawToken(peer.sandbox, ['repository:team/app:pull']));
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ name: 'team/app', tags: ['1.0'] });
    } finally {
      peer.sandbox.setOption('clockSkewSeconds', 0);
    }
  });
});
