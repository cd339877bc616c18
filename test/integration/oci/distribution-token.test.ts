/**
 * OCI repos through the real core against Debian's Docker distribution 2.8 with token auth (the
 * sandbox token server in dialect B): discovery, chart view, pull, push as Helm does, delete,
 * anonymous tokens, scopes, a non-chart artifact and a second client (skopeo) reading what ChartDesk wrote.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { OCI_NAMESPACE } from '../../sandbox/oci-registry';
import { SHARED_DATA } from '../../support/paths';
import { pushTinyImage } from '../docker-registry/registry-content';
import { startCore, type CoreHarness } from '../index/core-harness';
import { failure, run, sandboxToken, testChart } from './oci-support';

let sb: RunningSandbox;
let h: CoreHarness;
let registry: string;
let anonymousId: string;
let userId: string;
const user = { name: 'user', password: 'pass' };
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const grafana = readFileSync(path.join(SHARED_DATA, 'charts', 'grafana-5.3.1.tgz'));

type Summary = { chartCount: number; versionCount: number; kind: string; discovery: string; discoveryNote?: string; capabilities: { push: boolean; delete: boolean }; source: string };
type Detail = { versions: Array<{ version: string; tag?: string; appVersion?: string; digest?: string; manifestDigest?: string; created?: string }>; otherTags?: string[]; install: { commands: string }; summary: { problem?: { kind: string; message: string } } };
type ListItem = { name: string; latestVersion: string; description?: string; problem?: { kind: string; message: string } };

const raw = async (pathname: string, scopes: string[], accept = 'application/vnd.oci.image.manifest.v1+json') =>
  fetch(`${registry}${pathname}`, { headers: { Authorization: `Bearer ${await sandboxToken(sb.tokenUrl, scopes, user)}`, Accept: accept } });

beforeAll(async () => {
  sb = await startSandbox({ oci: true });
  registry = sb.registryUrl as string;
  h = await startCore();
  const host = new URL(registry).host;
  anonymousId = (await h.call<{ id: string }>('addRepo', { name: 'public', url: `oci://${host}/${OCI_NAMESPACE}` })).id;
  // The registry is 127.0.0.1, its realm localhost: the user approved that token server for the secret.
  userId = (
    await h.call<{ id: string }>('addRepo', {
      name: 'mine',
      url: `${host}/${OCI_NAMESPACE}`,
      auth: { mode: 'basic', username: 'user', dialect: 'auto', approvedRealmOrigin: new URL(sb.tokenUrl).origin },
      secret: 'pass',
    })
  ).id;
}, 60_000);
afterAll(async () => {
  await h?.close();
  await sb?.close();
});

describe('browsing a registry namespace anonymously', () => {
  it('stores the repo as an OCI location, plain HTTP for a loopback host, and a bare host/path is normalised', async () => {
    const repos = await h.call<Array<{ id: string; kind: string; url: string; tls: { plainHttp?: boolean } }>>('listRepos', {});
    const host = new URL(registry).host;
    expect(repos.map((r) => [r.kind, r.url, r.tls.plainHttp])).toEqual([
      ['oci', `oci://${host}/charts`, true],
      ['oci', `oci://${host}/charts`, true],
    ]);
  });

  it('finds the charts through the catalog with anonymous tokens, and reads each newest version’s config', async () => {
    const seen = sb.requests.length;
    const summary = await h.call<Summary>('openIndex', { repoId: anonymousId });
    expect(summary).toMatchObject({ kind: 'oci', discovery: 'catalog', chartCount: 2, versionCount: 2, capabilities: { push: true, delete: true }, source: 'network' });
    expect(summary.discoveryNote).toMatch(/catalog lists 2 repositories under charts/);
    const list = await h.call<{ items: ListItem[] }>('listCharts', { repoId: anonymousId });
    expect(list.items.map((c) => [c.name, c.latestVersion])).toEqual([
      ['grafana', '5.3.1'],
      ['signtest', '0.1.0'],
    ]);
    expect(list.items[0]?.description).toBe('The leading tool for querying and visualizing time series and metrics.');
    const tokenCalls = sb.requests.slice(seen).filter((r) => r.server === 'token');
    expect(tokenCalls.length).toBeGreaterThan(0);
    // No credential is stored: every token was asked for anonymously.
    expect(tokenCalls.every((r) => r.headers.authorization === undefined && r.status === 200)).toBe(true);
    const progress = h.events.filter((e) => e.name === 'indexProgress' && (e.payload as { repoId: string }).repoId === anonymousId).map((e) => e.payload as { charts?: { done: number; total: number } });
    expect(progress.some((p) => p.charts?.total === 2 && p.charts.done === 2)).toBe(true);
  });

  it('shows a chart with its versions, digests and the helm commands for an OCI chart', async () => {
    const detail = await h.call<Detail>('getChart', { repoId: anonymousId, name: 'grafana' });
    expect(detail.versions.map((v) => [v.version, v.tag])).toEqual([['5.3.1', '5.3.1']]);
    expect(detail.versions[0]?.digest).toBe(sha(grafana));
    expect(detail.versions[0]?.manifestDigest).toMatch(/^sha256:[a-f0-9]{64}$/);
    const host = new URL(registry).host;
    expect(detail.install.commands).toContain(`helm install grafana oci://${host}/charts/grafana --version 5.3.1 --plain-http`);
  });

  it('opens a version: the chart layer by digest, verified, README and values read, then from the cache', async () => {
    const content = await h.call<{ verified: boolean; digest: string; readme?: { text: string }; valuesYaml: string; url: string; fromCache: boolean }>('openChartVersion', { repoId: anonymousId, name: 'grafana', version: '5.3.1' });
    expect(content.verified).toBe(true);
    expect(content.digest).toBe(sha(grafana));
    expect(content.readme?.text).toMatch(/Grafana/);
    expect(content.valuesYaml.length).toBeGreaterThan(100);
    expect(content.url).toBe(`oci://${new URL(registry).host}/charts/grafana:5.3.1`);
    const again = await h.call<{ fromCache: boolean }>('openChartVersion', { repoId: anonymousId, name: 'grafana', version: '5.3.1' });
    expect(again.fromCache).toBe(true);
  });

  it('shows the manifest: digest, Helm config, chart and provenance layers with media types and sizes, pull commands', async () => {
    const view = await h.call<{ digest: string; config: { mediaType: string }; layers: Array<{ role: string; mediaType: string; size: number }>; annotations: Record<string, string>; commands: { byDigest: string } }>('getManifest', {
      repoId: anonymousId,
      name: 'signtest',
      version: '0.1.0',
    });
    expect(view.config.mediaType).toBe('application/vnd.cncf.helm.config.v1+json');
    expect(view.layers.map((l) => l.role).sort()).toEqual(['chart', 'provenance']);
    expect(view.layers.find((l) => l.role === 'provenance')?.size).toBe(readFileSync(path.join(SHARED_DATA, 'charts', 'helm-td-signtest-0.1.0.tgz.prov')).length);
    expect(view.annotations['org.opencontainers.image.title']).toBe('signtest');
    expect(view.commands.byDigest).toContain(`charts/signtest@${view.digest}`);
  });

  it('refuses an anonymous push: the token server grants pull only', async () => {
    const error = await failure(h.call('pushChart', { repoId: anonymousId, fileName: 'x.tgz', contentBase64: testChart('anon', '1.0.0').toString('base64') }));
    expect(error?.kind).toBe('scope-denied');
  });
});

describe('pushing and deleting with a user name and password', () => {
  it('pushes as Helm does: the version’s + becomes _ in the tag, and the registry holds Helm’s layout', async () => {
    const pkg = testChart('mychart', '1.2.3+build.5', 'home: https://example.com\nmaintainers:\n  - name: Ann\n    email: ann@example.com\n');
    const pushed = await h.call<{ name: string; version: string; chartsUrl: string }>('pushChart', { repoId: userId, fileName: 'mychart.tgz', contentBase64: pkg.toString('base64') });
    expect(pushed).toMatchObject({ name: 'mychart', version: '1.2.3+build.5' });
    const tags = await (await raw('/v2/charts/mychart/tags/list', ['repository:charts/mychart:pull'])).json();
    expect(tags).toEqual({ name: 'charts/mychart', tags: ['1.2.3_build.5'] });
    const res = await raw('/v2/charts/mychart/manifests/1.2.3_build.5', ['repository:charts/mychart:pull']);
    const manifest = (await res.json()) as { schemaVersion: number; mediaType?: string; config: { mediaType: string; digest: string }; layers: Array<{ mediaType: string; digest: string; size: number }>; annotations: Record<string, string> };
    expect(manifest.schemaVersion).toBe(2);
    expect(manifest.mediaType).toBeUndefined();
    expect(manifest.config.mediaType).toBe('application/vnd.cncf.helm.config.v1+json');
    expect(manifest.layers).toEqual([{ mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip', digest: `sha256:${sha(pkg)}`, size: pkg.length }]);
    expect(manifest.annotations).toMatchObject({
      'org.opencontainers.image.title': 'mychart',
      'org.opencontainers.image.version': '1.2.3+build.5',
      'org.opencontainers.image.url': 'https://example.com',
      'org.opencontainers.image.authors': 'Ann (ann@example.com)',
      'org.opencontainers.image.description': 'A test chart',
    });
    expect(manifest.annotations['org.opencontainers.image.created']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const config = await (await raw(`/v2/charts/mychart/blobs/${manifest.config.digest}`, ['repository:charts/mychart:pull'], '*/*')).json();
    expect(config).toEqual({ name: 'mychart', home: 'https://example.com', version: '1.2.3+build.5', description: 'A test chart', keywords: ['test'], maintainers: [{ name: 'Ann', email: 'ann@example.com' }], apiVersion: 'v2', appVersion: '9.9' });
  });

  it('lists the pushed chart with its version read back as 1.2.3+build.5', async () => {
    await h.call('openIndex', { repoId: userId, refresh: true });
    const detail = await h.call<Detail>('getChart', { repoId: userId, name: 'mychart' });
    expect(detail.versions.map((v) => [v.version, v.tag, v.appVersion])).toEqual([['1.2.3+build.5', '1.2.3_build.5', '9.9']]);
  });

  it('skopeo, a second OCI client, reads the same manifest bytes and tags', async () => {
    const host = new URL(registry).host;
    const ref = `docker://${host}/charts/mychart:1.2.3_build.5`;
    const inspect = await run('skopeo', ['inspect', '--raw', '--tls-verify=false', '--creds', 'user:pass', ref]);
    expect(inspect.code, inspect.stderr).toBe(0);
    const view = await h.call<{ digest: string }>('getManifest', { repoId: userId, name: 'mychart', version: '1.2.3+build.5' });
    expect(`sha256:${sha(Buffer.from(inspect.stdout))}`).toBe(view.digest);
    const tags = await run('skopeo', ['list-tags', '--tls-verify=false', '--creds', 'user:pass', `docker://${host}/charts/mychart`]);
    expect(tags.code, tags.stderr).toBe(0);
    expect(JSON.parse(tags.stdout)).toMatchObject({ Tags: ['1.2.3_build.5'] });
  });

  it('refuses to move an existing tag unless forced', async () => {
    const again = testChart('mychart', '1.2.3+build.5', 'description: changed\n');
    const error = await failure(h.call('pushChart', { repoId: userId, fileName: 'mychart.tgz', contentBase64: again.toString('base64') }));
    expect(error?.kind).toBe('conflict');
    const forced = await h.call<{ forced: boolean }>('pushChart', { repoId: userId, fileName: 'mychart.tgz', contentBase64: again.toString('base64'), force: true });
    expect(forced.forced).toBe(true);
  });

  it('pushes a .prov beside the chart as the provenance layer', async () => {
    const pkg = testChart('withprov', '0.2.0');
    const prov = Buffer.from('-----BEGIN PGP SIGNED MESSAGE-----\nnot checked here\n');
    await h.call('pushChart', { repoId: userId, fileName: 'withprov.tgz', contentBase64: pkg.toString('base64'), provBase64: prov.toString('base64') });
    const view = await h.call<{ layers: Array<{ role: string; digest: string }> }>('getManifest', { repoId: userId, name: 'withprov', version: '0.2.0' });
    expect(view.layers.find((l) => l.role === 'provenance')?.digest).toBe(`sha256:${sha(prov)}`);
  });

  it('lists an artifact that is not a chart apart, saying so', async () => {
    await pushTinyImage(registry, 'charts/an-image', '1.0.0', await sandboxToken(sb.tokenUrl, ['repository:charts/an-image:pull,push'], user));
    await h.call('openIndex', { repoId: userId, refresh: true });
    const list = await h.call<{ items: ListItem[] }>('listCharts', { repoId: userId });
    const image = list.items.find((c) => c.name === 'an-image');
    expect(image?.problem).toEqual({ kind: 'not-a-chart', message: 'Not a Helm chart: its config is application/vnd.docker.container.image.v1+json.' });
    expect(list.items.find((c) => c.name === 'grafana')?.problem).toBeUndefined();
  });

  it('deletes a version by its manifest digest, and the registry no longer has it', async () => {
    const view = await h.call<{ digest: string }>('getManifest', { repoId: userId, name: 'withprov', version: '0.2.0' });
    const deleted = await h.call<{ digest: string }>('deleteChartVersion', { repoId: userId, name: 'withprov', version: '0.2.0' });
    expect(deleted.digest).toBe(view.digest);
    expect((await raw(`/v2/charts/withprov/manifests/${view.digest}`, ['repository:charts/withprov:pull'])).status).toBe(404);
  });

  it('reports a wrong password as the token server’s refusal, without the password', async () => {
    await h.call('setCredential', { repoId: userId, secret: 'wrong-pass' });
    const error = await failure(h.call('openIndex', { repoId: userId, refresh: true }));
    expect(error?.kind).toBe('token-server-rejected');
    expect(JSON.stringify(error)).not.toContain('wrong-pass');
    await h.call('setCredential', { repoId: userId, secret: 'pass' });
  });
});

describe('a registry that does not let these credentials list its repositories', () => {
  it('falls back to the charts named by the user, and says why', async () => {
    sb.setOption('grant', (requested) => requested.filter((e) => e.type !== 'registry').map((e) => ({ ...e, actions: e.actions.filter((a) => a === 'pull') })));
    try {
      const repo = await h.call<{ id: string }>('addRepo', { name: 'named', url: `oci://${new URL(registry).host}/charts` });
      const empty = await h.call<Summary>('openIndex', { repoId: repo.id });
      expect(empty).toMatchObject({ discovery: 'named', chartCount: 0 });
      expect(empty.discoveryNote).toMatch(/does not let these credentials list its repositories.*Add charts by name/);
      const withChart = await h.call<{ charts: string[] }>('addNamedChart', { repoId: repo.id, chart: `oci://${new URL(registry).host}/charts/grafana` });
      expect(withChart.charts).toEqual(['grafana']);
      await h.call('addNamedChart', { repoId: repo.id, chart: 'does-not-exist' });
      const named = await h.call<Summary>('openIndex', { repoId: repo.id });
      expect(named).toMatchObject({ discovery: 'named', chartCount: 2 });
      const list = await h.call<{ items: ListItem[] }>('listCharts', { repoId: repo.id });
      expect(list.items.map((c) => [c.name, c.latestVersion, c.problem?.kind])).toEqual([
        ['does-not-exist', '', 'unreadable'],
        ['grafana', '5.3.1', undefined],
      ]);
      const other = await failure(h.call('addNamedChart', { repoId: repo.id, chart: 'oci://ghcr.io/elsewhere/chart' }));
      expect(other?.message).toMatch(/is not in this repo/);
    } finally {
      sb.setOption('grant', undefined);
    }
  });
});

describe('an identity token (OAuth2 refresh token) instead of a password', () => {
  it('trades it at the token server with grant_type=refresh_token (dialect C) and never shows it', async () => {
    const query = new URLSearchParams({ service: 'chartdesk-sandbox-registry', scope: 'repository:charts/grafana:pull', offline_token: 'true' });
    const issued = (await (await fetch(`${sb.tokenUrl}?${query}`, { headers: { Authorization: `Basic ${Buffer.from('user:pass').toString('base64')}` } })).json()) as { refresh_token: string };
    expect(issued.refresh_token).toMatch(/^[a-f0-9]{48}$/);
    const repo = await h.call<{ id: string }>('addRepo', {
      name: 'identity',
      url: `oci://${new URL(registry).host}/charts`,
      auth: { mode: 'identity-token', dialect: 'auto', approvedRealmOrigin: new URL(sb.tokenUrl).origin },
      secret: issued.refresh_token,
    });
    const seen = sb.requests.length;
    expect(await h.call('openIndex', { repoId: repo.id })).toMatchObject({ chartCount: expect.any(Number), discovery: 'catalog' });
    const tokenCalls = sb.requests.slice(seen).filter((r) => r.server === 'token');
    expect(tokenCalls.length).toBeGreaterThan(0);
    expect(tokenCalls.every((r) => r.method === 'POST' && r.status === 200)).toBe(true);
    const connect = await h.call<{ ok: boolean; trace: unknown[] }>('connectRepo', { repoId: repo.id, fresh: true });
    expect(connect.ok).toBe(true);
    expect(JSON.stringify(connect)).not.toContain(issued.refresh_token);
  });
});
