import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index';
import { request, sharedChart, tokenFor } from './helpers';

const CHART = 'helm-td-signtest-0.1.0.tgz';

function multipart(parts: Array<{ field: string; filename?: string; content: Buffer }>): { body: Buffer; contentType: string } {
  const boundary = 'sandbox-test-boundary-7d1';
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const filename = part.filename === undefined ? '' : `; filename="${part.filename}"`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${part.field}"${filename}\r\nContent-Type: application/octet-stream\r\n\r\n`), part.content, Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

describe('sandbox repo server: upload and delete', () => {
  let sb: Sandbox;
  let push: Record<string, string>;
  let pull: Record<string, string>;
  const api = (path: string) => `${sb.repoUrl}/api/org1/repo1${path}`;

  beforeEach(async () => {
    sb = await startSandbox();
    push = { Authorization: `Bearer ${await tokenFor(sb, 'artifact-repository:org1/repo1:pull,push')}` };
    pull = { Authorization: `Bearer ${await tokenFor(sb, 'artifact-repository:org1/repo1:pull')}` };
  });
  afterEach(() => sb.close());

  it('stores a raw .tgz (201 saved), then refuses it again with 409 unless ?force', async () => {
    const first = await request(api('/charts'), { method: 'POST', headers: push, body: sharedChart(CHART) });
    expect([first.status, first.text]).toEqual([201, '{"saved":true}']);
    const again = await request(api('/charts'), { method: 'POST', headers: push, body: sharedChart(CHART) });
    expect([again.status, again.text]).toEqual([409, '{"error":"file already exists"}']);
    const forced = await request(api('/charts?force'), { method: 'POST', headers: push, body: sharedChart(CHART) });
    expect(forced.status).toBe(201);
    const index = await request(`${sb.repoUrl}/org1/repo1/index.yaml`, { headers: pull });
    expect(index.text).toContain('signtest');
    expect(index.text).toContain('charts/signtest-0.1.0.tgz');
    const file = await request(`${sb.repoUrl}/org1/repo1/charts/signtest-0.1.0.tgz`, { headers: pull });
    expect(file.headers['content-type']).toBe('application/x-tar');
    expect(file.body.equals(sharedChart(CHART))).toBe(true);
  });

  it('takes multipart/form-data with chart and prov; its 409 says "chart already exists"', async () => {
    const form = multipart([
      { field: 'chart', filename: CHART, content: sharedChart(CHART) },
      { field: 'prov', filename: `${CHART}.prov`, content: sharedChart(`${CHART}.prov`) },
    ]);
    const res = await request(api('/charts'), { method: 'POST', headers: { ...push, 'Content-Type': form.contentType }, body: form.body });
    expect([res.status, res.text]).toEqual([201, '{"saved":true}']);
    const prov = await request(`${sb.repoUrl}/org1/repo1/charts/signtest-0.1.0.tgz.prov`, { headers: pull });
    expect(prov.status).toBe(200);
    expect(prov.headers['content-type']).toBe('application/pgp-signature');
    const again = await request(api('/charts'), { method: 'POST', headers: { ...push, 'Content-Type': form.contentType }, body: form.body });
    expect([again.status, again.text]).toEqual([409, '{"error":"chart already exists"}']);
  });

  it('ignores a form part that has no file name (Go reads it as a plain value)', async () => {
    const form = multipart([{ field: 'chart', content: sharedChart(CHART) }]);
    const res = await request(api('/charts'), { method: 'POST', headers: { ...push, 'Content-Type': form.contentType }, body: form.body });
    expect([res.status, res.text]).toEqual([400, '{"error":"no package or provenance file found in form fields chart and prov"}']);
  });

  it('answers 400 for bytes that are no chart and for a chart whose name walks out of the directory', async () => {
    const junk = await request(api('/charts'), { method: 'POST', headers: push, body: Buffer.from('not a gzip file at all') });
    expect([junk.status, junk.text]).toEqual([400, '{"error":"gzip: invalid header"}']);
    const evil = await request(api('/charts'), { method: 'POST', headers: push, body: sharedChart('cm-badchart-path-traversal-name-1.0.0.tgz') });
    expect(evil.status).toBe(400);
    expect(JSON.parse(evil.text).error).toContain('is invalid');
  });

  it('stores a raw provenance file through /prov', async () => {
    const res = await request(api('/prov'), { method: 'POST', headers: push, body: sharedChart(`${CHART}.prov`) });
    expect(res.status).toBe(201);
    const bad = await request(api('/prov'), { method: 'POST', headers: push, body: 'hello' });
    expect([bad.status, bad.text]).toEqual([400, '{"error":"could not extract name and version from provenance file"}']);
  });

  it('needs push to delete: a pull token gets the push challenge', async () => {
    const denied = await request(api('/charts/mychart/0.1.0'), { method: 'DELETE', headers: pull });
    expect(denied.status).toBe(401);
    expect(denied.headers['www-authenticate']).toContain('scope="artifact-repository:org1/repo1:push"');
    const deleted = await request(api('/charts/mychart/0.1.0'), { method: 'DELETE', headers: push });
    expect([deleted.status, deleted.text]).toEqual([200, '{"deleted":true}']);
    const gone = await request(api('/charts/mychart/0.1.0'), { method: 'DELETE', headers: push });
    expect(gone.status).toBe(404);
    expect(JSON.parse(gone.text)).toHaveProperty('error');
    const index = await request(`${sb.repoUrl}/org1/repo1/index.yaml`, { headers: pull });
    expect(index.text).toContain('entries: {}');
  });

  it('answers the chart API: list, one chart, one version, latest, HEAD, and 404s', async () => {
    const list = JSON.parse((await request(api('/charts'), { headers: pull })).text) as Record<string, Array<Record<string, unknown>>>;
    expect(Object.keys(list)).toEqual(['mychart']);
    expect(list.mychart?.[0]).toMatchObject({ name: 'mychart', version: '0.1.0', urls: ['charts/mychart-0.1.0.tgz'] });
    expect((await request(api('/charts/mychart'), { headers: pull })).status).toBe(200);
    expect(JSON.parse((await request(api('/charts/mychart/latest'), { headers: pull })).text).version).toBe('0.1.0');
    expect((await request(api('/charts/mychart/0.1.0'), { method: 'HEAD', headers: pull })).status).toBe(200);
    expect((await request(api('/charts/mychart/9.9.9'), { method: 'HEAD', headers: pull })).status).toBe(404);
    const missing = await request(api('/charts/nochart'), { headers: pull });
    expect([missing.status, missing.text]).toEqual([404, '{"error":"chart not found"}']);
  });
});
