/** The chart contract methods through the real core against the sandbox's bearer-protected ChartMuseum. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { SHARED_DATA } from '../../support/paths';
import { chartYaml, tgzOf } from '../../unit/charts/tar-builder';
import { startCore, type CoreHarness } from './core-harness';

const chartFile = (file: string) => readFileSync(path.join(SHARED_DATA, 'charts', file));
const base64 = (bytes: Buffer) => bytes.toString('base64');

let sb: RunningSandbox;
let h: CoreHarness;
let repoId: string;

type Summary = { chartCount: number; versionCount: number; source: string; offline: boolean };
type Failure = Error & { kind: string; hint?: string };
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e as Failure);
/** The versions of a chart after re-reading the index; [] when the chart is gone. */
const versionsOf = async (name: string): Promise<string[]> => {
  await h.call('openIndex', { repoId, refresh: true });
  try {
    return (await h.call<{ versions: Array<{ version: string }> }>('getChart', { repoId, name })).versions.map((v) => v.version);
  } catch (error) {
    if ((error as Failure).kind === 'not-found') return [];
    throw error;
  }
};

beforeAll(async () => {
  sb = await startSandbox();
  h = await startCore();
  const repo = await h.call<{ id: string }>('addRepo', {
    name: 'org1',
    url: `${sb.repoUrl}/org1/repo1`,
    auth: { mode: 'token-server', dialect: 'A', approvedRealmOrigin: new URL(sb.tokenUrl).origin },
    secret: 'MASTERKEY',
  });
  repoId = repo.id;
});
afterAll(async () => {
  await h.close();
  await sb.close();
});

describe('browsing a token-protected ChartMuseum', () => {
  it('opens the index through the bearer flow, with progress, and lists its chart', async () => {
    const summary = await h.call<Summary>('openIndex', { repoId });
    expect(summary).toMatchObject({ chartCount: 1, versionCount: 1, source: 'network', offline: false, servedByChartMuseum: true });
    const phases = h.events.filter((e) => e.name === 'indexProgress' && (e.payload as { repoId: string }).repoId === repoId).map((e) => (e.payload as { phase: string }).phase);
    expect(phases[0]).toBe('download');
    expect(phases.slice(-2)).toEqual(['parse', 'done']);
    const list = await h.call<{ total: number; items: Array<{ name: string; latestVersion: string }> }>('listCharts', { repoId });
    expect(list.items.map((c) => [c.name, c.latestVersion])).toEqual([['mychart', '0.1.0']]);
    expect((await h.call<{ hits: unknown[] }>('searchCharts', { repoId, query: 'mych' })).hits).toHaveLength(1);
  });

  it('opens a version: downloads it with the token, verifies the digest, reads Chart.yaml', async () => {
    const content = await h.call<{ verified: boolean; chartYaml: string; fromCache: boolean; files: Array<{ path: string }> }>('openChartVersion', { repoId, name: 'mychart', version: '0.1.0' });
    expect(content.verified).toBe(true);
    expect(content.chartYaml).toMatch(/name: mychart/);
    expect(content.files.map((f) => f.path)).toContain('templates/pod.yaml');
    const again = await h.call<{ fromCache: boolean }>('openChartVersion', { repoId, name: 'mychart', version: '0.1.0' });
    expect(again.fromCache).toBe(true);
  });

  it('says which chart or version the index lacks', async () => {
    expect(await failure(h.call('getChart', { repoId, name: 'nope' }))).toMatchObject({ kind: 'not-found', message: 'The index has no chart called nope.' });
    expect(await failure(h.call('openChartVersion', { repoId, name: 'mychart', version: '9.9.9' }))).toMatchObject({ kind: 'not-found', message: 'The index has no version 9.9.9 of chart mychart.' });
  });
});

describe('pushing and deleting', () => {
  it('pushes with a pull,push token, refuses the same version, overwrites with force, deletes', async () => {
    const grafana = chartFile('grafana-5.3.1.tgz');
    const before = sb.requests.length;
    expect(await h.call('pushChart', { repoId, fileName: 'grafana-5.3.1.tgz', contentBase64: base64(grafana) })).toMatchObject({ name: 'grafana', version: '5.3.1', forced: false });
    expect(sb.requests.slice(before).some((r) => r.server === 'token' && decodeURIComponent(r.url).includes(':org1/repo1:pull,push'))).toBe(true);
    expect(await versionsOf('grafana')).toEqual(['5.3.1']);

    const conflict = await failure(h.call('pushChart', { repoId, fileName: 'grafana-5.3.1.tgz', contentBase64: base64(grafana) }));
    expect(conflict).toMatchObject({ kind: 'conflict', message: expect.stringContaining('Version 5.3.1 of chart grafana is already in the repo') });
    expect(await h.call('pushChart', { repoId, fileName: 'grafana-5.3.1.tgz', contentBase64: base64(grafana), force: true })).toMatchObject({ forced: true });

    const opened = await h.call<{ verified: boolean; valuesYaml: string }>('openChartVersion', { repoId, name: 'grafana', version: '5.3.1' });
    expect(opened.verified).toBe(true);
    expect(opened.valuesYaml.length).toBeGreaterThan(1000);

    expect(await h.call('deleteChartVersion', { repoId, name: 'grafana', version: '5.3.1' })).toEqual({ name: 'grafana', version: '5.3.1' });
    expect(await versionsOf('grafana')).toEqual([]);
    expect(await failure(h.call('deleteChartVersion', { repoId, name: 'grafana', version: '5.3.1' }))).toMatchObject({ kind: 'not-found' });
  });

  it('accepts the file as a data: URL, as a browser FileReader gives it', async () => {
    const tetragon = chartFile('tetragon-0.11.0.tgz');
    expect(await h.call('pushChart', { repoId, fileName: 'tetragon-0.11.0.tgz', contentBase64: `data:application/gzip;base64,${base64(tetragon)}` })).toMatchObject({ name: 'tetragon', version: '0.11.0' });
  });

  it('refuses the path-traversal chart before uploading anything', async () => {
    const before = sb.requests.filter((r) => r.method === 'POST').length;
    const refused = await failure(h.call('pushChart', { repoId, fileName: 'evil.tgz', contentBase64: base64(chartFile('cm-badchart-path-traversal-name-1.0.0.tgz')) }));
    expect(refused).toMatchObject({ kind: 'chart-invalid', message: expect.stringContaining('../../../../charts/org2/repo2/evil') });
    expect(refused?.message.startsWith('evil.tgz: ')).toBe(true);
    expect(sb.requests.filter((r) => r.method === 'POST').length).toBe(before);
  });

  it('refuses a file that is not base64 or not a chart', async () => {
    expect(await failure(h.call('pushChart', { repoId, fileName: 'x.tgz', contentBase64: 'not base64!' }))).toMatchObject({ kind: 'bad-request' });
    expect(await failure(h.call('pushChart', { repoId, fileName: 'x.tgz', contentBase64: base64(Buffer.from('hello')) }))).toMatchObject({ kind: 'chart-invalid' });
  });
});

describe('comparing values', () => {
  it('diffs the values.yaml of two pushed versions line by line', async () => {
    const v1 = tgzOf([{ name: 'web/Chart.yaml', data: chartYaml('web', '1.0.0') }, { name: 'web/values.yaml', data: 'replicas: 1\nimage: nginx:1.25\nport: 80\n' }]);
    const v2 = tgzOf([{ name: 'web/Chart.yaml', data: chartYaml('web', '1.1.0') }, { name: 'web/values.yaml', data: 'replicas: 2\nimage: nginx:1.25\nport: 80\n' }]);
    await h.call('pushChart', { repoId, fileName: 'web-1.0.0.tgz', contentBase64: base64(v1) });
    await h.call('pushChart', { repoId, fileName: 'web-1.1.0.tgz', contentBase64: base64(v2) });
    await h.call('openIndex', { repoId, refresh: true });
    const diff = await h.call<{ added: number; removed: number; parts: Array<{ kind: string; lines: string[] }>; unified: string }>('diffValues', { repoId, name: 'web', from: '1.0.0', to: '1.1.0' });
    expect(diff.added).toBe(1);
    expect(diff.removed).toBe(1);
    expect(diff.parts.slice(0, 2)).toEqual([
      { kind: 'removed', lines: ['replicas: 1'] },
      { kind: 'added', lines: ['replicas: 2'] },
    ]);
    expect(diff.unified).toContain('-replicas: 1\n+replicas: 2');
  });
});
