import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index';
import { request } from './helpers';

describe('sandbox token server, dialect A (chartmuseum/auth-server-example)', () => {
  let sb: Sandbox;
  const post = (query: string, headers: Record<string, string> = { Authorization: 'Bearer MASTERKEY' }, body?: string) =>
    request(`${sb.tokenUrl}${query}`, { method: 'POST', headers, body });

  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(() => sb.close());

  it('grants exactly the one scope asked for, in an RS256 token that lives 5 minutes', async () => {
    const res = await post('?grant_type=client_credentials&scope=artifact-repository:org1/repo1:pull,push&service=ignored');
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text) as Record<string, string>;
    expect(Object.keys(body)).toEqual(['access_token']);
    const token = body.access_token ?? '';
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'RS256', typ: 'JWT' });
    const claims = decodeJwt(token);
    expect(Object.keys(claims)).toEqual(['exp', 'iat', 'access']);
    expect(claims.access).toEqual([{ type: 'artifact-repository', name: 'org1/repo1', actions: ['pull', 'push'] }]);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(300);
  });

  it('echoes the wrong key it was sent in a 401 body (as the example does)', async () => {
    const res = await post('?grant_type=client_credentials&scope=artifact-repository:org1/repo1:pull', { Authorization: 'Bearer not-the-key' });
    expect(res.status).toBe(401);
    expect(res.text).toBe('{"error":"not-the-key"}');
    const missing = await post('?grant_type=client_credentials&scope=artifact-repository:org1/repo1:pull', {});
    expect(missing.text).toBe('{"error":""}');
  });

  it('checks the key before anything else', async () => {
    const res = await post('', { Authorization: 'Basic dXNlcjpwYXNz' });
    expect(res.status).toBe(401);
    expect(res.text).toBe('{"error":"Basic dXNlcjpwYXNz"}');
  });

  it('wants grant_type=client_credentials in the query string, not in a form body', async () => {
    const expected = '{"error":"grant_type must equal client_credentials"}';
    const missing = await post('?scope=artifact-repository:org1/repo1:pull');
    expect([missing.status, missing.text]).toEqual([400, expected]);
    const inBody = await post('?scope=artifact-repository:org1/repo1:pull', { Authorization: 'Bearer MASTERKEY', 'Content-Type': 'application/x-www-form-urlencoded' }, 'grant_type=client_credentials');
    expect([inBody.status, inBody.text]).toEqual([400, expected]);
    const wrong = await post('?grant_type=password&scope=artifact-repository:org1/repo1:pull');
    expect(wrong.status).toBe(400);
  });

  it('rejects a missing scope, a Docker type, a host:port name and several scopes at once', async () => {
    const expected = '{"error":"scope is missing or invalid"}';
    for (const scope of ['', 'repository:org1/repo1:pull', 'artifact-repository:localhost:8080/org1:pull', 'artifact-repository:a:pull artifact-repository:b:pull']) {
      const res = await post(`?grant_type=client_credentials&scope=${encodeURIComponent(scope)}`);
      expect([res.status, res.text]).toEqual([400, expected]);
    }
  });

  it('answers GET with 404 (the example only routes POST)', async () => {
    const res = await request(`${sb.tokenUrl}?grant_type=client_credentials&scope=artifact-repository:org1/repo1:pull`, { headers: { Authorization: 'Bearer MASTERKEY' } });
    expect(res.status).toBe(404);
    expect(res.text).toBe('404 page not found');
  });

  it('follows a changed master key live', async () => {
    sb.setOption('masterKey', 'ROTATED');
    try {
      expect((await post('?grant_type=client_credentials&scope=artifact-repository:org1/repo1:pull')).status).toBe(401);
      expect((await post('?grant_type=client_credentials&scope=artifact-repository:org1/repo1:pull', { Authorization: 'Bearer ROTATED' })).status).toBe(200);
    } finally {
      sb.setOption('masterKey', undefined);
    }
  });
});
