/** Hostile registries: each gives a clear error in bounded time and memory, and nothing unverified is cached. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startCore, type CoreHarness } from '../index/core-harness';
import { digestOf, helmManifest, startHostileRegistry, type HostileRegistry, type Script } from './hostile-registry';
import { failure, testChart } from './oci-support';

let h: CoreHarness;
let reg: HostileRegistry;
let count = 0;
type Item = { name: string; problem?: { kind: string; message: string } };

// Each test gets its own bytes, so nothing one test cached can answer for another.
let config: Buffer;
let chart: Buffer;
let manifest: Buffer;
function freshBytes(): void {
  config = Buffer.from(JSON.stringify({ name: 'app', version: '1.0.0', apiVersion: 'v2', description: `fine ${count}` }));
  chart = testChart('app', '1.0.0', `home: https://example.com/${count}\n`);
  manifest = helmManifest({ digest: digestOf(config), size: config.length }, { digest: digestOf(chart), size: chart.length });
}

/** A well-behaved registry holding `ns/app:1.0.0`; `override` changes one answer. */
function registryWith(override: Script): Script {
  return (p, req) =>
    override(p, req) ??
    (p.startsWith('/v2/_catalog') ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ repositories: ['ns/app'] }) } : undefined) ??
    (p.startsWith('/v2/ns/app/tags/list') ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'ns/app', tags: ['1.0.0'] }) } : undefined) ??
    (p === '/v2/ns/app/manifests/1.0.0' ? { headers: { 'content-type': 'application/vnd.oci.image.manifest.v1+json', 'docker-content-digest': digestOf(manifest) }, body: manifest } : undefined) ??
    (p === `/v2/ns/app/blobs/${digestOf(config)}` ? { body: config } : undefined) ??
    (p === `/v2/ns/app/blobs/${digestOf(chart)}` ? { body: chart } : undefined);
}

async function repo(extra: Record<string, unknown> = {}): Promise<string> {
  return (await h.call<{ id: string }>('addRepo', { name: `hostile-${count}`, url: `oci://${reg.host}/ns`, ...extra })).id;
}

const cached = (folder: string) => readdirSync(path.join(h.dataDir, folder), { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
const cachedOrNone = (folder: string) => {
  try {
    return cached(folder);
  } catch {
    return [];
  }
};

beforeAll(async () => {
  h = await startCore();
  reg = await startHostileRegistry(registryWith(() => undefined));
});
afterAll(async () => {
  await reg?.close();
  await h?.close();
});
beforeEach(() => {
  count += 1;
  freshBytes();
  reg.script = registryWith(() => undefined);
});

describe('a hostile registry', () => {
  it('is read normally when it behaves (the baseline the other cases change)', async () => {
    const id = await repo();
    expect(await h.call('openIndex', { repoId: id })).toMatchObject({ chartCount: 1, discovery: 'catalog' });
    expect((await h.call<{ verified: boolean }>('openChartVersion', { repoId: id, name: 'app', version: '1.0.0' })).verified).toBe(true);
  });

  it('a manifest whose bytes do not match its digest: the chart says so, and it is not cached', async () => {
    const forged = Buffer.from(manifest.toString().replace('"schemaVersion":2', '"schemaVersion":2 '));
    reg.script = registryWith((p) => (p === '/v2/ns/app/manifests/1.0.0' ? { headers: { 'docker-content-digest': digestOf(manifest) }, body: forged } : undefined));
    const before = cachedOrNone('registry-cache');
    const id = await repo();
    await h.call('openIndex', { repoId: id });
    const [item] = (await h.call<{ items: Item[] }>('listCharts', { repoId: id })).items;
    expect(item?.problem?.kind).toBe('unreadable');
    expect(item?.problem?.message).toMatch(/does not match its digest/);
    expect(cachedOrNone('registry-cache').filter((f) => !before.includes(f))).not.toContain(`sha256-${digestOf(forged).slice(7)}`);
    expect((await failure(h.call('getManifest', { repoId: id, name: 'app', version: '1.0.0' })))?.kind).toBe('digest-mismatch');
  });

  it('a config blob whose bytes do not match: the chart says so, nothing cached under either digest', async () => {
    const other = Buffer.from(JSON.stringify({ name: 'evil', version: '6.6.6', apiVersion: 'v2' }));
    reg.script = registryWith((p) => (p === `/v2/ns/app/blobs/${digestOf(config)}` ? { body: Buffer.concat([other, Buffer.alloc(config.length - other.length, 32)]) } : undefined));
    const id = await repo();
    await h.call('openIndex', { repoId: id, refresh: true });
    const [item] = (await h.call<{ items: Item[] }>('listCharts', { repoId: id })).items;
    expect(item?.problem?.message).toMatch(/does not match its digest/);
    expect(cachedOrNone('registry-cache')).not.toContain(`sha256-${digestOf(config).slice(7)}`);
  });

  it('a chart layer that declares 2 GB is refused before a byte of it is asked for', async () => {
    const big = helmManifest({ digest: digestOf(config), size: config.length }, { digest: digestOf(chart), size: 2 * 1024 ** 3 });
    reg.script = registryWith((p) => (p === '/v2/ns/app/manifests/1.0.0' ? { body: big } : undefined));
    const id = await repo();
    reg.seen.length = 0;
    const error = await failure(h.call('openChartVersion', { repoId: id, name: 'app', version: '1.0.0' }));
    expect(error?.kind).toBe('too-large');
    expect(error?.message).toMatch(/declares a 2048 MiB blob/);
    expect(reg.seen.some((s) => s.includes(digestOf(chart)))).toBe(false);
  });

  it('a blob answered with a 2 GB Content-Length is cut off at once', async () => {
    reg.script = registryWith((p) => (p === `/v2/ns/app/blobs/${digestOf(chart)}` ? { headers: { 'content-length': String(2 * 1024 ** 3) }, body: () => [chart] } : undefined));
    const id = await repo();
    const error = await failure(h.call('openChartVersion', { repoId: id, name: 'app', version: '1.0.0' }));
    expect(error?.kind).toBe('too-large');
    expect(cachedOrNone('chart-cache')).not.toContain(`sha256-${digestOf(chart).slice(7)}.tgz`);
  });

  it('a tags list of a million names stops at the page cap', async () => {
    reg.script = registryWith((p) =>
      p.startsWith('/v2/ns/app/tags/list')
        ? {
            headers: { 'content-type': 'application/json' },
            body: function* () {
              yield Buffer.from('{"name":"ns/app","tags":[');
              for (let i = 0; i < 1_000_000; i += 10_000) yield Buffer.from(Array.from({ length: 10_000 }, (_, k) => `"0.0.${i + k}-tag-with-a-longish-name"`).join(',') + (i + 10_000 < 1_000_000 ? ',' : ''));
              yield Buffer.from(']}');
            },
          }
        : undefined,
    );
    const id = await repo();
    await h.call('openIndex', { repoId: id });
    const [item] = (await h.call<{ items: Item[] }>('listCharts', { repoId: id })).items;
    expect(item?.problem?.message).toMatch(/larger than the 16\.0 MiB limit/);
  });

  it('a Link that loops back is stopped and named', async () => {
    reg.script = registryWith((p) => (p.startsWith('/v2/ns/app/tags/list') ? { headers: { 'content-type': 'application/json', link: '</v2/ns/app/tags/list?n=1000>; rel="next"' }, body: '{"tags":["1.0.0"]}' } : undefined));
    const id = await repo();
    await h.call('openIndex', { repoId: id });
    const [item] = (await h.call<{ items: Item[] }>('listCharts', { repoId: id })).items;
    expect(item?.problem?.message).toMatch(/pages never end .*links back to an earlier one/);
  });

  it('a Link to another host is not followed', async () => {
    reg.script = registryWith((p) => (p.startsWith('/v2/_catalog') ? { headers: { 'content-type': 'application/json', link: '<http://evil.example:80/v2/_catalog?last=x>; rel="next"' }, body: '{"repositories":["ns/app"]}' } : undefined));
    const id = await repo();
    const summary = await h.call<{ discovery: string; discoveryNote: string }>('openIndex', { repoId: id });
    expect(summary.discovery).toBe('named');
    expect(summary.discoveryNote).toMatch(/next-page link to another host \(evil\.example/);
  });

  it('a config blob that is not JSON makes the chart unreadable, with the reason', async () => {
    const junk = Buffer.from('<<not json>>');
    const bad = helmManifest({ digest: digestOf(junk), size: junk.length }, { digest: digestOf(chart), size: chart.length });
    reg.script = registryWith((p) => (p === '/v2/ns/app/manifests/1.0.0' ? { body: bad } : p === `/v2/ns/app/blobs/${digestOf(junk)}` ? { body: junk } : undefined));
    const id = await repo();
    await h.call('openIndex', { repoId: id });
    const [item] = (await h.call<{ items: Item[] }>('listCharts', { repoId: id })).items;
    expect(item?.problem?.message).toMatch(/is not JSON, so it is not a Helm chart/);
  });

  it('a realm on another host gets no secret: the flow stops and asks for approval first', async () => {
    const tokens = await startHostileRegistry(() => ({ status: 200, body: '{"token":"x"}' }));
    try {
      reg.script = () => ({ status: 401, headers: { 'www-authenticate': `Bearer realm="http://localhost:${new URL(tokens.url).port}/token",service="reg"`, 'content-type': 'application/json' }, body: '{"errors":[{"code":"UNAUTHORIZED"}]}' });
      const id = await repo({ auth: { mode: 'basic', username: 'me', dialect: 'auto' }, secret: 'top-secret-pw', charts: ['app'] });
      const error = await failure(h.call('openIndex', { repoId: id }));
      expect(error?.kind).toBe('realm-mismatch');
      expect(error?.message).toMatch(/not on the repo’s host/);
      expect(tokens.seen).toEqual([]);
    } finally {
      await tokens.close();
    }
  });

  it('a registry that answers HTML pages is named as a web page, not as a broken registry', async () => {
    reg.script = (p) => (p === '/v2/' ? undefined : { status: 200, headers: { 'content-type': 'text/html' }, body: '<!doctype html><html><body>Sign in</body></html>' });
    const id = await repo({ charts: ['app'] });
    const summary = await h.call<{ discoveryNote: string }>('openIndex', { repoId: id });
    expect(summary.discoveryNote).toMatch(/answered a web page/);
    const [item] = (await h.call<{ items: Item[] }>('listCharts', { repoId: id })).items;
    expect(item?.problem?.message).toMatch(/answered a web page \(HTTP 200\) instead of the registry API/);
  });
});
