import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index';
import { request } from './helpers';

describe('sandbox repo server: route matching happens before auth', () => {
  let sb: Sandbox;
  beforeAll(async () => {
    sb = await startSandbox();
  });
  afterAll(() => sb.close());

  it('answers an unknown path 404 {"error":"not found"} without asking for a token', async () => {
    const res = await request(`${sb.repoUrl}/org1/repo1/nothing-here.txt`);
    expect(res.status).toBe(404);
    expect(res.text).toBe('{"error":"not found"}');
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['www-authenticate']).toBeUndefined();
  });

  it('answers a known path with the wrong depth 404 too (depth 2 needs org/repo)', async () => {
    expect((await request(`${sb.repoUrl}/index.yaml`)).status).toBe(404);
    expect((await request(`${sb.repoUrl}/org1/index.yaml`)).status).toBe(404);
    expect((await request(`${sb.repoUrl}/a/b/c/index.yaml`)).status).toBe(404);
  });

  it('answers a method with no route 404, not 405 (HEAD on a chart file, PUT on the index)', async () => {
    expect((await request(`${sb.repoUrl}/org1/repo1/charts/mychart-0.1.0.tgz`, { method: 'HEAD' })).status).toBe(404);
    expect((await request(`${sb.repoUrl}/org1/repo1/index.yaml`, { method: 'PUT' })).status).toBe(404);
  });

  it('keeps /health and /info open', async () => {
    const health = await request(`${sb.repoUrl}/health`);
    expect(health.status).toBe(200);
    expect(health.text).toBe('{"healthy":true}');
    const info = await request(`${sb.repoUrl}/info`);
    expect(info.status).toBe(200);
    expect(JSON.parse(info.text)).toHaveProperty('version');
  });

  it('refuses path segments that would leave the storage directory', async () => {
    expect((await request(`${sb.repoUrl}/org1/..%2F..%2Findex.yaml`)).status).toBe(404);
    expect((await request(`${sb.repoUrl}/org1/../index.yaml`.replace('/../', '/%2E%2E/'))).status).toBe(404);
  });

  it('records every request it answered', async () => {
    await request(`${sb.repoUrl}/health`);
    const last = sb.requests.at(-1);
    expect(last).toMatchObject({ server: 'repo', method: 'GET', url: '/health', status: 200 });
  });
});

describe('sandbox repo server: namespaces by depth', () => {
  it('depth 0 serves /index.yaml with the default namespace "repo" in the challenge', async () => {
    const sb = await startSandbox({ depth: 0 });
    try {
      const res = await request(`${sb.repoUrl}/index.yaml`);
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toContain('scope="artifact-repository:repo:pull"');
      expect((await request(`${sb.repoUrl}/org1/repo1/index.yaml`)).status).toBe(404);
    } finally {
      await sb.close();
    }
  });

  it('depth 1 takes one path segment as the namespace', async () => {
    const sb = await startSandbox({ depth: 1, auth: 'none' });
    try {
      const res = await request(`${sb.repoUrl}/org1/index.yaml`);
      expect(res.status).toBe(200);
      expect(res.text).toContain('mychart');
      expect(res.text).not.toContain('otherchart');
      const api = await request(`${sb.repoUrl}/api/org2/charts`);
      expect(Object.keys(JSON.parse(api.text))).toEqual(['otherchart']);
    } finally {
      await sb.close();
    }
  });
});
