/** The chart contract methods against static repos (like GitHub Pages) serving real indexes and packages. */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { shortDigest } from '../../../electron/core/charts/digest';
import { PROJECT_ROOT, SHARED_DATA } from '../../support/paths';
import { startCore, type CoreHarness } from './core-harness';
import { startStaticRepo, type StaticRepo } from './static-repo';

const shared = (...parts: string[]) => readFileSync(path.join(SHARED_DATA, ...parts));
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
type Failure = Error & { kind: string };
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e as Failure);

/** A one-chart index in ChartMuseum's style. */
const indexOf = (name: string, version: string, url: string, digest: string, icon?: string) =>
  `apiVersion: v1\nentries:\n  ${name}:\n  - apiVersion: v2\n    name: ${JSON.stringify(name)}\n    version: ${version}\n    urls:\n    - ${url}\n    digest: ${digest}\n${icon ? `    icon: ${icon}\n` : ''}generated: "2024-01-01T00:00:00Z"\n`;

let h: CoreHarness;
const servers: StaticRepo[] = [];
const serve = async (options?: { basicAuth?: string }) => {
  const server = await startStaticRepo(options);
  servers.push(server);
  return server;
};
const addRepo = async (url: string, extra: Record<string, unknown> = {}) => (await h.call<{ id: string }>('addRepo', { name: `r${Math.random().toString(36).slice(2, 8)}`, url, ...extra })).id;

beforeAll(async () => {
  h = await startCore();
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  await h.close();
});

describe('real indexes with relative chart URLs', () => {
  it('opens cilium 1.16.0 from cilium.yaml (relative URL), verified, with its values schema', async () => {
    const server = await serve();
    server.put('/cilium/index.yaml', shared('index', 'cilium.yaml'), 'application/x-yaml');
    server.put('/cilium/cilium-1.16.0.tgz', shared('charts', 'cilium-1.16.0.tgz'));
    const repoId = await addRepo(`${server.origin}/cilium`);
    expect(await h.call('openIndex', { repoId })).toMatchObject({ chartCount: 2, offline: false, servedByChartMuseum: false });
    const content = await h.call<{ verified: boolean; url: string; valuesSchema?: string; readme?: { path: string } }>('openChartVersion', { repoId, name: 'cilium', version: '1.16.0' });
    expect(content.verified).toBe(true);
    expect(content.url).toBe(`${server.origin}/cilium/cilium-1.16.0.tgz`);
    expect(JSON.parse(content.valuesSchema ?? 'null')).toHaveProperty('properties');
    expect(content.readme?.path).toBe('README.md');
  });

  it('opens argo-cd 3.4.0 from the mixed argo-helm.yaml, reporting its duplicate tar entries', async () => {
    const server = await serve();
    server.put('/argo/index.yaml', shared('index', 'argo-helm.yaml'), 'application/x-yaml');
    server.put('/argo/argo-cd-3.4.0.tgz', shared('charts', 'argo-cd-3.4.0.tgz'));
    const repoId = await addRepo(`${server.origin}/argo/`);
    const content = await h.call<{ verified: boolean; warnings: string[] }>('openChartVersion', { repoId, name: 'argo-cd', version: '3.4.0' });
    expect(content.verified).toBe(true);
    expect(content.warnings.join(' ')).toMatch(/32 files more than once/);
  });
});

describe('getChart with a limit', () => {
  type Detail = { versions: Array<{ version: string; digest?: string; partial?: boolean; annotations: Record<string, string> }>; allVersions: string[]; summary: { versionCount: number }; install: { commands: string } };

  it('decodes the first versions only and names every one, as the chart view asks for cilium’s 314', async () => {
    const server = await serve();
    server.put('/cilium/index.yaml', shared('index', 'cilium.yaml'), 'application/x-yaml');
    const repoId = await addRepo(`${server.origin}/cilium`);
    const full = await h.call<Detail>('getChart', { repoId, name: 'cilium' });
    const page = await h.call<Detail>('getChart', { repoId, name: 'cilium', limit: 60 });
    expect(full.versions).toHaveLength(314);
    expect(full.allVersions).toEqual(full.versions.map((v) => v.version));
    expect(page.versions).toEqual(full.versions.slice(0, 60));
    expect(page.allVersions).toEqual(full.allVersions);
    expect(page.summary.versionCount).toBe(314);
    expect(page.install).toEqual(full.install);
    expect((await h.call<Detail>('getChart', { repoId, name: 'cilium', limit: 1 })).versions.map((v) => v.version)).toEqual([full.allVersions[0]]);
    expect((await h.call<Detail>('getChart', { repoId, name: 'cilium', limit: 100_000 })).versions).toHaveLength(314);
    // The chart view's own ask: the newest whole, the other rows with their table fields only (a fraction of the bytes).
    const view = await h.call<Detail>('getChart', { repoId, name: 'cilium', limit: 60, detailed: 1 });
    expect(view.versions[0]).toEqual(page.versions[0]);
    expect(view.versions.slice(1).every((v) => v.partial === true && Object.keys(v.annotations).length === 0)).toBe(true);
    expect(view.versions.map((v) => [v.version, v.digest])).toEqual(page.versions.map((v) => [v.version, v.digest]));
    expect(JSON.stringify(view).length).toBeLessThan(JSON.stringify(page).length / 3);
  });

  it('refuses a limit that is not a whole number of at least 1, and unknown fields', async () => {
    const server = await serve();
    server.put('/cilium/index.yaml', shared('index', 'cilium.yaml'), 'application/x-yaml');
    const repoId = await addRepo(`${server.origin}/cilium`);
    for (const limit of [0, -1, 1.5, 'x', 100_001]) {
      expect(await failure(h.call('getChart', { repoId, name: 'cilium', limit })), `limit ${String(limit)}`).toMatchObject({ kind: 'bad-request', message: expect.stringMatching(/^Invalid arguments for getChart: .*limit/) });
    }
    for (const detailed of [-1, 1.5, 'x', 100_001]) {
      expect(await failure(h.call('getChart', { repoId, name: 'cilium', detailed })), `detailed ${String(detailed)}`).toMatchObject({ kind: 'bad-request', message: expect.stringMatching(/detailed/) });
    }
    expect(await failure(h.call('getChart', { repoId, name: 'cilium', offset: 5 }))).toMatchObject({ kind: 'bad-request' });
    // chartIcon's argument stays as strict as before.
    expect(await failure(h.call('chartIcon', { repoId, name: 'cilium', limit: 5 }))).toMatchObject({ kind: 'bad-request' });
  });
});

describe('the offline copy and conditional requests', () => {
  it('answers 304 with the loaded index, then serves the offline copy and cached packages when the server is down', async () => {
    const server = await serve();
    server.put('/c/index.yaml', shared('index', 'cilium.yaml'), 'application/x-yaml');
    server.put('/c/cilium-1.16.0.tgz', shared('charts', 'cilium-1.16.0.tgz'));
    const repoId = await addRepo(`${server.origin}/c`);
    await h.call('openIndex', { repoId });
    await h.call('openChartVersion', { repoId, name: 'cilium', version: '1.16.0' });
    expect(await h.call('openIndex', { repoId })).toMatchObject({ source: 'memory' });
    expect(await h.call('openIndex', { repoId, refresh: true })).toMatchObject({ source: 'not-modified', offline: false, stale: false });
    expect(server.requests.at(-1)?.status).toBe(304);

    await server.close();
    const offline = await h.call<{ offline: boolean; stale: boolean; offlineReason: string; chartCount: number }>('openIndex', { repoId, refresh: true });
    expect(offline).toMatchObject({ offline: true, stale: true, chartCount: 2 });
    expect(offline.offlineReason).toMatch(/offline copy from/);
    expect((await h.call<{ total: number }>('listCharts', { repoId })).total).toBe(2);
    // The package comes from the digest-addressed cache, verified on read.
    const content = await h.call<{ verified: boolean; fromCache: boolean }>('openChartVersion', { repoId, name: 'cilium', version: '1.16.0' });
    expect(content).toMatchObject({ verified: true, fromCache: true });
  });
});

describe('package checks', () => {
  it('refuses a package whose sha256 differs from the index, naming both digests shortly', async () => {
    const server = await serve();
    const grafana = shared('charts', 'grafana-5.3.1.tgz');
    const loki = shared('charts', 'loki-2.0.1.tgz');
    server.put('/r/index.yaml', indexOf('grafana', '5.3.1', 'charts/grafana-5.3.1.tgz', sha256(grafana)));
    server.put('/r/charts/grafana-5.3.1.tgz', loki);
    const repoId = await addRepo(`${server.origin}/r`);
    const refused = await failure(h.call('openChartVersion', { repoId, name: 'grafana', version: '5.3.1' }));
    expect(refused?.kind).toBe('digest-mismatch');
    expect(refused?.message).toContain(shortDigest(sha256(grafana)));
    expect(refused?.message).toContain(shortDigest(sha256(loki)));
    const cached = readdirSync(path.join(h.dataDir, 'chart-cache'), { withFileTypes: true }).map((d) => d.name);
    expect(cached).not.toContain(`sha256-${sha256(loki)}.tgz`);
  });

  it('reports the path-traversal chart as invalid and writes nothing under its name', async () => {
    const server = await serve();
    const evil = shared('charts', 'cm-badchart-path-traversal-name-1.0.0.tgz');
    server.put('/org1/repo1/index.yaml', indexOf('mybadchart', '1.0.0', 'charts/mybadchart-1.0.0.tgz', sha256(evil)));
    server.put('/org1/repo1/charts/mybadchart-1.0.0.tgz', evil);
    const repoId = await addRepo(`${server.origin}/org1/repo1`);
    const refused = await failure(h.call('openChartVersion', { repoId, name: 'mybadchart', version: '1.0.0' }));
    expect(refused).toMatchObject({ kind: 'chart-invalid', message: expect.stringContaining('not a valid chart name') });
    for (const base of [h.dataDir, path.join(h.dataDir, 'chart-cache'), PROJECT_ROOT]) expect(existsSync(path.join(base, 'charts', 'org2', 'repo2', 'evil'))).toBe(false);
  });
});

describe('credentials stay on the repo origin', () => {
  it('sends none to a package host elsewhere, unless the repo passes credentials to all hosts', async () => {
    const repoServer = await serve({ basicAuth: 'alice:s3cret' });
    const packageHost = await serve();
    const grafana = shared('charts', 'grafana-5.3.1.tgz');
    repoServer.put('/index.yaml', indexOf('grafana', '5.3.1', `${packageHost.origin}/pkgs/grafana-5.3.1.tgz`, sha256(grafana)));
    packageHost.put('/pkgs/grafana-5.3.1.tgz', grafana);
    const auth = { mode: 'basic', username: 'alice' };
    const strict = await addRepo(repoServer.origin, { auth, secret: 's3cret' });
    expect(await h.call('openChartVersion', { repoId: strict, name: 'grafana', version: '5.3.1' })).toMatchObject({ verified: true });
    expect(repoServer.requests.some((r) => r.status === 200 && r.headers.authorization?.startsWith('Basic '))).toBe(true);
    expect(packageHost.requests.map((r) => r.headers.authorization)).toEqual([undefined]);

    // A repo that passes credentials everywhere (another package, so the digest cache does not answer).
    const loki = shared('charts', 'loki-2.0.1.tgz');
    packageHost.put('/pkgs/loki-2.0.1.tgz', loki);
    repoServer.put('/all/index.yaml', indexOf('loki', '2.0.1', `${packageHost.origin}/pkgs/loki-2.0.1.tgz`, sha256(loki)));
    const passing = await addRepo(`${repoServer.origin}/all`, { auth, secret: 's3cret', passCredentialsAll: true });
    expect(await h.call('openChartVersion', { repoId: passing, name: 'loki', version: '2.0.1' })).toMatchObject({ verified: true });
    expect(packageHost.requests.at(-1)?.headers.authorization).toBe(`Basic ${Buffer.from('alice:s3cret').toString('base64')}`);
  });
});

describe('chart icons', () => {
  it('fetches an icon as a data: URL, sniffing SVG served as text/plain', async () => {
    const server = await serve();
    const svg = readFileSync(path.join(PROJECT_ROOT, 'build', 'icon.svg'));
    server.put('/r/index.yaml', indexOf('app', '1.0.0', 'app-1.0.0.tgz', 'a'.repeat(64), 'icons/app.svg'));
    server.put('/r/icons/app.svg', svg, 'text/plain; charset=utf-8');
    const repoId = await addRepo(`${server.origin}/r`);
    const icon = await h.call<{ dataUrl: string | null }>('chartIcon', { repoId, name: 'app' });
    expect(icon.dataUrl).toBe(`data:image/svg+xml;base64,${svg.toString('base64')}`);
    await h.call('chartIcon', { repoId, name: 'app' });
    expect(server.requests.filter((r) => r.path === '/r/icons/app.svg')).toHaveLength(1);
  });

  it('gives no icon for an oversized image or a page that is not an image', async () => {
    const server = await serve();
    server.put('/big/index.yaml', indexOf('big', '1.0.0', 'big-1.0.0.tgz', 'a'.repeat(64), 'big.png'));
    server.put('/big/big.png', Buffer.concat([readFileSync(path.join(PROJECT_ROOT, 'build', 'icon.png')), Buffer.alloc(300 * 1024)]), 'image/png');
    server.put('/html/index.yaml', indexOf('html', '1.0.0', 'html-1.0.0.tgz', 'a'.repeat(64), 'logo.png'));
    server.put('/html/logo.png', '<html><body>Sign in</body></html>', 'image/png');
    const big = await h.call<{ dataUrl: string | null; reason: string }>('chartIcon', { repoId: await addRepo(`${server.origin}/big`), name: 'big' });
    expect(big).toMatchObject({ dataUrl: null, reason: expect.stringContaining('512 KB') });
    const html = await h.call<{ dataUrl: string | null; reason: string }>('chartIcon', { repoId: await addRepo(`${server.origin}/html`), name: 'html' });
    expect(html).toMatchObject({ dataUrl: null, reason: expect.stringContaining('not an image') });
  });
});

describe('ChartMuseum behind a context path', () => {
  it('pushes to <contextPath>/api/<namespace>/charts as the index’s serverInfo says', async () => {
    const server = await serve();
    const index = `${indexOf('mychart', '0.1.0', 'charts/mychart-0.1.0.tgz', 'a'.repeat(64))}serverInfo:\n  contextPath: /cm\n`;
    server.put('/cm/org1/repo1/index.yaml', index, 'application/x-yaml');
    const repoId = await addRepo(`${server.origin}/cm/org1/repo1`);
    const refused = await failure(h.call('pushChart', { repoId, fileName: 'grafana-5.3.1.tgz', contentBase64: shared('charts', 'grafana-5.3.1.tgz').toString('base64') }));
    expect(refused).toMatchObject({ kind: 'not-found', message: expect.stringContaining('/cm/api/org1/repo1/charts') });
    expect(server.requests.filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/cm/api/org1/repo1/charts']);
  });
});
