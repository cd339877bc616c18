import { describe, expect, it } from 'vitest';
import { startSandbox } from '../../sandbox/index';
import { request, sharedChart } from './helpers';

describe('sandbox repo server: anonymous-get, basic and none modes', () => {
  it('anonymous-get opens every pull route but still challenges push', async () => {
    const sb = await startSandbox({ auth: 'anonymous-get' });
    try {
      expect((await request(`${sb.repoUrl}/org1/repo1/index.yaml`)).status).toBe(200);
      expect((await request(`${sb.repoUrl}/org1/repo1/index.yaml`, { headers: { Authorization: 'Bearer garbage' } })).status).toBe(200);
      expect((await request(`${sb.repoUrl}/api/org1/repo1/charts/mychart`)).status).toBe(200);
      const upload = await request(`${sb.repoUrl}/api/org1/repo1/charts`, { method: 'POST', body: sharedChart('helm-td-signtest-0.1.0.tgz') });
      expect(upload.status).toBe(401);
      expect(upload.headers['www-authenticate']).toBe(`Bearer realm="${sb.tokenUrl}",service="${sb.service}",scope="artifact-repository:org1/repo1:push"`);
    } finally {
      await sb.close();
    }
  });

  it('basic mode compares the whole Authorization header and challenges with Basic realm="ChartMuseum"', async () => {
    const sb = await startSandbox({ auth: 'basic', basicUsers: { alice: 's3cret' } });
    try {
      const none = await request(`${sb.repoUrl}/org1/repo1/index.yaml`);
      expect(none.status).toBe(401);
      expect(none.headers['www-authenticate']).toBe('Basic realm="ChartMuseum"');
      const good = `Basic ${Buffer.from('alice:s3cret').toString('base64')}`;
      expect((await request(`${sb.repoUrl}/org1/repo1/index.yaml`, { headers: { Authorization: good } })).status).toBe(200);
      expect((await request(`${sb.repoUrl}/org1/repo1/index.yaml`, { headers: { Authorization: good.replace('Basic', 'basic') } })).status).toBe(401);
      expect((await request(`${sb.repoUrl}/org1/repo1/index.yaml`, { headers: { Authorization: `Basic ${Buffer.from('alice:wrong').toString('base64')}` } })).status).toBe(401);
    } finally {
      await sb.close();
    }
  });

  it('none mode lets everything through, and seed:false starts empty', async () => {
    const sb = await startSandbox({ auth: 'none', seed: false });
    try {
      const res = await request(`${sb.repoUrl}/org1/repo1/index.yaml`);
      expect(res.status).toBe(200);
      expect(res.text).toContain('entries: {}');
    } finally {
      await sb.close();
    }
  });
});
