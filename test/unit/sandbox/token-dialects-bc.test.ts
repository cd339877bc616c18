import { readFileSync } from 'node:fs';
import path from 'node:path';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_DATA } from '../../support/paths';
import { libtrustKeyId, startSandbox, type Sandbox } from '../../sandbox/index';
import { request } from './helpers';

const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };

describe('sandbox token server, dialects B and C', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox({
      dialects: ['B', 'C'],
      basicUsers: { alice: 'wonder' },
      issuer: 'sandbox-issuer',
      audience: 'sandbox-registry',
      includeKid: true,
      grant: (requested, user) => requested.filter((r) => user === 'alice' || r.type !== 'registry'),
    });
  });
  afterAll(() => sb.close());

  it('B: GET with service and repeated scope answers token, access_token, expires_in and issued_at', async () => {
    const res = await request(`${sb.tokenUrl}?service=${sb.service}&scope=repository:team/app:pull,push&scope=registry:catalog:*`, { headers: { Authorization: basic('alice', 'wonder') } });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text) as { token: string; access_token: string; expires_in: number; issued_at: string };
    expect(body.access_token).toBe(body.token);
    expect(body.expires_in).toBe(300);
    expect(Number.isNaN(Date.parse(body.issued_at))).toBe(false);
    const claims = decodeJwt(body.token);
    expect(claims).toMatchObject({ iss: 'sandbox-issuer', aud: 'sandbox-registry', sub: 'alice' });
    expect(claims.access).toEqual([
      { type: 'repository', name: 'team/app', actions: ['pull', 'push'] },
      { type: 'registry', name: 'catalog', actions: ['*'] },
    ]);
  });

  it('B: grants the intersection of asked and allowed; a partial grant is not an error', async () => {
    const res = await request(`${sb.tokenUrl}?service=x&scope=${encodeURIComponent('repository:localhost:5000/app:pull registry:catalog:*')}`);
    expect(res.status).toBe(200);
    expect(decodeJwt((JSON.parse(res.text) as { token: string }).token).access).toEqual([{ type: 'repository', name: 'localhost:5000/app', actions: ['pull'] }]);
  });

  it('B: rejects wrong Basic credentials with 401 and a malformed scope with 400', async () => {
    expect((await request(`${sb.tokenUrl}?service=x&scope=repository:a:pull`, { headers: { Authorization: basic('alice', 'nope') } })).status).toBe(401);
    expect((await request(`${sb.tokenUrl}?service=x&scope=nonsense`)).status).toBe(400);
  });

  it('signs with the libtrust kid of the shared key (what Docker distribution looks up)', async () => {
    const res = await request(`${sb.tokenUrl}?service=x&scope=repository:a:pull`);
    const header = decodeProtectedHeader((JSON.parse(res.text) as { token: string }).token);
    expect(header).toEqual({ alg: 'RS256', kid: 'AXMA:7DSP:EET7:B6VI:57ZI:53AR:MZFI:7CPX:O77L:SVJG:6GXN:IOYS', typ: 'JWT' });
    const pem = readFileSync(path.join(SHARED_DATA, 'auth', 'chartmuseum-example-server.pem'), 'utf8');
    expect(libtrustKeyId(pem)).toBe(header.kid);
  });

  it('C: password grant returns access_token, scope, expires_in and refresh_token; refresh works', async () => {
    const res = await request(sb.tokenUrl, { method: 'POST', headers: FORM, body: form({ grant_type: 'password', username: 'alice', password: 'wonder', service: sb.service, scope: 'repository:a:pull repository:b:push', client_id: 'chartdesk' }) });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text) as { access_token: string; scope: string; expires_in: number; refresh_token: string };
    expect(body.scope).toBe('repository:a:pull repository:b:push');
    expect(body.expires_in).toBe(300);
    const refreshed = await request(sb.tokenUrl, { method: 'POST', headers: FORM, body: form({ grant_type: 'refresh_token', refresh_token: body.refresh_token, scope: 'repository:a:pull', client_id: 'chartdesk' }) });
    expect(refreshed.status).toBe(200);
    expect(decodeJwt((JSON.parse(refreshed.text) as { access_token: string }).access_token).sub).toBe('alice');
  });

  it('C: rejects a wrong password (401), an unknown refresh token (401), a missing client_id (400)', async () => {
    const wrong = await request(sb.tokenUrl, { method: 'POST', headers: FORM, body: form({ grant_type: 'password', username: 'alice', password: 'x', client_id: 'c' }) });
    expect([wrong.status, JSON.parse(wrong.text).error]).toEqual([401, 'invalid_grant']);
    const refresh = await request(sb.tokenUrl, { method: 'POST', headers: FORM, body: form({ grant_type: 'refresh_token', refresh_token: 'made-up', client_id: 'c' }) });
    expect(refresh.status).toBe(401);
    const noClient = await request(sb.tokenUrl, { method: 'POST', headers: FORM, body: form({ grant_type: 'password', username: 'alice', password: 'wonder' }) });
    expect([noClient.status, JSON.parse(noClient.text).error]).toEqual([400, 'invalid_request']);
  });

  it('answers a dialect-A request 400 unsupported_grant_type when only B and C are on', async () => {
    const res = await request(`${sb.tokenUrl}?grant_type=client_credentials&scope=artifact-repository:org1/repo1:pull`, { method: 'POST', headers: { Authorization: 'Bearer MASTERKEY' } });
    expect([res.status, JSON.parse(res.text).error]).toEqual([400, 'unsupported_grant_type']);
  });
});

describe('sandbox token server: disabled dialects answer like a real server', () => {
  it('B only: POST is 405 with Allow: GET', async () => {
    const sb = await startSandbox({ dialects: ['B'] });
    try {
      const res = await request(`${sb.tokenUrl}?grant_type=client_credentials&scope=artifact-repository:org1/repo1:pull`, { method: 'POST', headers: { Authorization: 'Bearer MASTERKEY' } });
      expect([res.status, res.headers.allow]).toEqual([405, 'GET']);
    } finally {
      await sb.close();
    }
  });

  it('C only: GET is 405 with Allow: POST; other paths are 404', async () => {
    const sb = await startSandbox({ dialects: ['C'] });
    try {
      const res = await request(`${sb.tokenUrl}?service=x&scope=repository:a:pull`);
      expect([res.status, res.headers.allow]).toEqual([405, 'POST']);
      expect((await request(sb.tokenUrl.replace('/oauth/token', '/token'))).status).toBe(404);
    } finally {
      await sb.close();
    }
  });
});
