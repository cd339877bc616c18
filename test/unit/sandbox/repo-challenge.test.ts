import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index';
import { request, tokenFor } from './helpers';

describe('sandbox repo server: the bearer challenge', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(() => sb.close());

  it('writes the exact ChartMuseum challenge, named as Go writes it, with the JSON 401 body', async () => {
    const res = await request(`${sb.repoUrl}/org1/repo1/index.yaml`);
    expect(res.status).toBe(401);
    expect(res.rawHeaderNames).toContain('Www-Authenticate');
    expect(res.headers['www-authenticate']).toBe(`Bearer realm="${sb.tokenUrl}",service="${sb.service}",scope="artifact-repository:org1/repo1:pull"`);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.text).toBe('{"error":"unauthorized"}');
  });

  it('names the realm and service with localhost and the token server port, as the seed does', () => {
    const port = new URL(sb.tokenUrl).port;
    expect(sb.tokenUrl).toBe(`http://localhost:${port}/oauth/token`);
    expect(sb.service).toBe(`localhost:${port}`);
  });

  it('asks for push on upload and on delete (there is no delete action)', async () => {
    const upload = await request(`${sb.repoUrl}/api/org1/repo1/charts`, { method: 'POST', body: 'x' });
    expect(upload.headers['www-authenticate']).toMatch(/scope="artifact-repository:org1\/repo1:push"$/);
    const del = await request(`${sb.repoUrl}/api/org1/repo1/charts/mychart/0.1.0`, { method: 'DELETE' });
    expect(del.status).toBe(401);
    expect(del.headers['www-authenticate']).toMatch(/scope="artifact-repository:org1\/repo1:push"$/);
  });

  it('sends the same challenge for a token of the wrong scope as for no token', async () => {
    const other = await tokenFor(sb, 'artifact-repository:org2/repo2:pull');
    const res = await request(`${sb.repoUrl}/org1/repo1/index.yaml`, { headers: { Authorization: `Bearer ${other}` } });
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe(`Bearer realm="${sb.tokenUrl}",service="${sb.service}",scope="artifact-repository:org1/repo1:pull"`);
  });

  it('serves the index with a pull token: application/x-yaml, the seeded chart', async () => {
    const token = await tokenFor(sb, 'artifact-repository:org1/repo1:pull');
    const res = await request(`${sb.repoUrl}/org1/repo1/index.yaml`, { headers: { Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-yaml');
    expect(res.text).toContain('159ba395ef891a90339f5d8a6ff964fb38265ec24a2e1d09fe6c390cda75b17c');
  });
});
