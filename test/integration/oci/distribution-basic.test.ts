/**
 * OCI repos against Docker distribution without auth and with htpasswd Basic auth: a chart pushed by
 * raw HTTP in Helm's exact layout, paging through catalog and tags, deletes on and off, Basic
 * challenges answered (or refused with a clear sentence).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFlowClient } from '../../../electron/core/auth/flow';
import { createRegistryApi } from '../../../electron/core/oci/registry-api';
import { anonymousRegistryAccess } from '../../../electron/core/oci/registry-access';
import { helmPush } from '../../sandbox/helm-oci-push';
import type { RunningRegistry } from '../../sandbox/registry-process';
import { SHARED_DATA } from '../../support/paths';
import { startCore, type CoreHarness } from '../index/core-harness';
import { failure, testChart } from './oci-support';
import { basicRegistry, openRegistry } from './registry-fixtures';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const shared = (file: string) => readFileSync(path.join(SHARED_DATA, file));
const basic = (user: string, pass: string) => async () => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

let h: CoreHarness;
beforeAll(async () => {
  h = await startCore();
});
afterAll(() => h?.close());

describe('a registry without auth, deletes enabled', () => {
  let reg: RunningRegistry;
  let repoId: string;
  beforeAll(async () => {
    reg = await openRegistry();
    // Pushed by an implementation independent of ChartDesk, in Helm's exact layout.
    await helmPush(reg.url, 'team/charts', shared('charts/loki-2.0.1.tgz'), undefined, shared('charts/loki-2.0.1.tgz.prov'));
    await helmPush(reg.url, 'team/charts', shared('charts/promtail-0.13.1.tgz'));
    await helmPush(reg.url, 'other', shared('charts/argo-1.0.0.tgz'));
    for (let i = 1; i <= 5; i++) await helmPush(reg.url, 'team/charts', testChart('many', `1.${i}.0`));
    repoId = (await h.call<{ id: string }>('addRepo', { name: 'open', url: `oci://${new URL(reg.url).host}/team/charts` })).id;
  });
  afterAll(() => reg?.close());

  it('reads charts Helm pushed: catalog filtered to the namespace, versions, chart layer verified against its digest', async () => {
    const summary = await h.call<{ chartCount: number; versionCount: number; discovery: string }>('openIndex', { repoId });
    expect(summary).toMatchObject({ chartCount: 3, versionCount: 7, discovery: 'catalog' });
    const list = await h.call<{ items: Array<{ name: string; latestVersion: string }> }>('listCharts', { repoId });
    expect(list.items.map((c) => [c.name, c.latestVersion])).toEqual([
      ['loki', '2.0.1'],
      ['many', '1.5.0'],
      ['promtail', '0.13.1'],
    ]);
    const content = await h.call<{ verified: boolean; digest: string; metadata: { name: string } }>('openChartVersion', { repoId, name: 'loki', version: '2.0.1' });
    expect(content).toMatchObject({ verified: true, digest: sha(shared('charts/loki-2.0.1.tgz')), metadata: { name: 'loki' } });
    const detail = await h.call<{ versions: Array<{ version: string; created?: string }> }>('getChart', { repoId, name: 'many' });
    expect(detail.versions.map((v) => v.version)).toEqual(['1.5.0', '1.4.0', '1.3.0', '1.2.0', '1.1.0']);
    expect(detail.versions[0]?.created).toBe('2024-01-01T00:00:00Z');
    const page = await h.call<{ versions: Array<{ version: string }>; allVersions: string[] }>('getChart', { repoId, name: 'many', limit: 2 });
    expect(page.versions).toEqual(detail.versions.slice(0, 2));
    expect(page.allVersions).toEqual(['1.5.0', '1.4.0', '1.3.0', '1.2.0', '1.1.0']);
    const search = await h.call<{ hits: Array<{ chart: { name: string } }> }>('searchCharts', { repoId, query: 'loki' });
    expect(search.hits[0]?.chart.name).toBe('loki');
  });

  it('pages through the catalog and the tags with n and Link, as the registry answers them', async () => {
    const flow = createFlowClient({ userAgent: 'ChartDesk/test' });
    try {
      const api = createRegistryApi(flow, anonymousRegistryAccess(new URL(reg.url).host), { maxManifestBytes: 4 << 20, maxPageBytes: 1 << 20, maxPages: 100, maxNames: 1000, pageSize: 2 });
      expect(await api.catalog()).toEqual(['other/argo', 'team/charts/loki', 'team/charts/many', 'team/charts/promtail']);
      expect((await api.tags('team/charts/many')).sort()).toEqual(['1.1.0', '1.2.0', '1.3.0', '1.4.0', '1.5.0']);
    } finally {
      await flow.close();
    }
  });

  it('uploads a large blob in chunks (PATCH with Content-Range, then PUT with the digest), byte for byte', async () => {
    const flow = createFlowClient({ userAgent: 'ChartDesk/test' });
    try {
      const api = createRegistryApi(flow, anonymousRegistryAccess(new URL(reg.url).host));
      const big = Buffer.alloc(300 * 1024 + 17);
      for (let i = 0; i < big.length; i++) big[i] = (i * 31 + 7) & 0xff;
      const digest = await api.upload('team/charts/chunky', big, 64 * 1024);
      expect(digest).toBe(`sha256:${sha(big)}`);
      const back = Buffer.from(await (await fetch(`${reg.url}/v2/team/charts/chunky/blobs/${digest}`)).arrayBuffer());
      expect(back.equals(big)).toBe(true);
      expect(await api.hasBlob('team/charts/chunky', digest)).toBe(true);
    } finally {
      await flow.close();
    }
  });

  it('pushes and deletes without credentials, the tag gone afterwards', async () => {
    await h.call('pushChart', { repoId, fileName: 'gone.tgz', contentBase64: testChart('gone', '0.0.1').toString('base64') });
    const deleted = await h.call<{ digest: string }>('deleteChartVersion', { repoId, name: 'gone', version: '0.0.1' });
    expect(deleted.digest).toMatch(/^sha256:/);
    expect((await fetch(`${reg.url}/v2/team/charts/gone/manifests/0.0.1`)).status).toBe(404);
  });
});

describe('a registry with deletes disabled', () => {
  it('says so in a sentence instead of a bare 405', async () => {
    const reg = await openRegistry(false);
    try {
      await helmPush(reg.url, 'charts', testChart('kept', '1.0.0'));
      const repo = await h.call<{ id: string }>('addRepo', { name: 'nodelete', url: `oci://${new URL(reg.url).host}/charts` });
      const error = await failure(h.call('deleteChartVersion', { repoId: repo.id, name: 'kept', version: '1.0.0' }));
      expect(error?.message).toMatch(/This registry has deletes disabled \(HTTP 405\), so charts\/kept stays as it is\./);
      expect(error?.hint).toMatch(/storage\.delete\.enabled/);
    } finally {
      await reg.close();
    }
  });
});

describe('a registry with htpasswd Basic auth', () => {
  let reg: RunningRegistry;
  beforeAll(async () => {
    reg = await basicRegistry({ alice: 's3cret-pass' });
    await helmPush(reg.url, 'private', shared('charts/tetragon-0.11.0.tgz'), basic('alice', 's3cret-pass'));
  });
  afterAll(() => reg?.close());

  it('answers the Basic challenge with the stored user name and password', async () => {
    const repo = await h.call<{ id: string }>('addRepo', { name: 'basic', url: `oci://${new URL(reg.url).host}/private`, auth: { mode: 'basic', username: 'alice', dialect: 'auto' }, secret: 's3cret-pass' });
    expect(await h.call('openIndex', { repoId: repo.id })).toMatchObject({ chartCount: 1, discovery: 'catalog' });
    const content = await h.call<{ verified: boolean }>('openChartVersion', { repoId: repo.id, name: 'tetragon', version: '0.11.0' });
    expect(content.verified).toBe(true);
    const pushed = await h.call<{ version: string }>('pushChart', { repoId: repo.id, fileName: 'b.tgz', contentBase64: testChart('pushedbasic', '3.0.0').toString('base64') });
    expect(pushed.version).toBe('3.0.0');
    const connect = await h.call<{ ok: boolean; trace: Array<{ step: string; status?: number }> }>('connectRepo', { repoId: repo.id, fresh: true });
    expect(connect.ok).toBe(true);
    expect(connect.trace.filter((t) => t.status !== undefined).map((t) => t.status)).toEqual([401, 200]);
  });

  it('without credentials, or with a wrong password, says what the registry wants', async () => {
    const anon = await h.call<{ id: string }>('addRepo', { name: 'basic-anon', url: `oci://${new URL(reg.url).host}/private` });
    const none = await failure(h.call('openIndex', { repoId: anon.id }));
    expect(none?.message).toMatch(/asks for a user name and password \(Basic authentication\), and none is stored/);
    const wrong = await h.call<{ id: string }>('addRepo', { name: 'basic-wrong', url: `oci://${new URL(reg.url).host}/private`, auth: { mode: 'basic', username: 'alice', dialect: 'auto' }, secret: 'nope-nope' });
    const rejected = await failure(h.call('openIndex', { repoId: wrong.id }));
    expect(rejected?.kind).toBe('credentials-rejected');
    expect(JSON.stringify(rejected)).not.toContain('nope-nope');
  });
});
