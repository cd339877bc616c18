/**
 * Settings → Storage through the contract: the sizes it reports are the files on disk (counted by
 * find(1), not by ChartDesk's own code), and clearing a cache removes those files and nothing else.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_DATA } from '../../support/paths';
import { startCore, type CoreHarness } from '../index/core-harness';
import { startStaticRepo, type StaticRepo } from '../index/static-repo';
import { helmPush } from '../../sandbox/helm-oci-push';
import type { RunningRegistry } from '../../sandbox/registry-process';
import { openRegistry } from '../oci/registry-fixtures';

interface Usage {
  id: string;
  folder: string;
  bytes: number;
  files: number;
  limitBytes?: number;
}
interface Report {
  dataDir: string;
  caches: Usage[];
  totalBytes: number;
  canOpenFolder: boolean;
}

let h: CoreHarness;
let server: StaticRepo;
let registry: RunningRegistry;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Every regular file below `dir` with its size, as find(1) sees them. */
function filesOnDisk(dir: string): Map<string, number> {
  if (!existsSync(dir)) return new Map();
  const out = execFileSync('find', [dir, '-type', 'f', '-printf', '%s %P\\n'], { encoding: 'utf8' });
  return new Map(
    out
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [size = '0', ...name] = line.split(' ');
        return [name.join(' '), Number(size)] as const;
      }),
  );
}
const sum = (files: Map<string, number>) => [...files.values()].reduce((a, b) => a + b, 0);

beforeAll(async () => {
  h = await startCore();
  server = await startStaticRepo();
  const cilium = readFileSync(path.join(SHARED_DATA, 'charts', 'cilium-1.16.0.tgz'));
  server.put('/cilium/index.yaml', readFileSync(path.join(SHARED_DATA, 'index', 'cilium.yaml')), 'application/x-yaml');
  server.put('/cilium/cilium-1.16.0.tgz', cilium);
  const grafana = readFileSync(path.join(SHARED_DATA, 'charts', 'grafana-5.3.1.tgz'));
  server.put('/g/index.yaml', `apiVersion: v1\nentries:\n  grafana:\n  - apiVersion: v2\n    name: grafana\n    version: 5.3.1\n    urls: [grafana-5.3.1.tgz]\n    digest: ${sha256(grafana)}\n`);
  server.put('/g/grafana-5.3.1.tgz', grafana);
  registry = await openRegistry();
  await helmPush(registry.url, 'charts', readFileSync(path.join(SHARED_DATA, 'charts', 'promtail-0.13.1.tgz')));
});
afterAll(async () => {
  await registry?.close();
  await server.close();
  await h.close();
});

/** Fills the caches the way a user does: two indexes and a registry namespace opened (offline copies, manifests and configs), versions opened (packages). */
async function useCaches(): Promise<void> {
  const oci = (await h.call<{ id: string }>('addRepo', { name: `registry-${Date.now()}`, url: `oci://${new URL(registry.url).host}/charts` })).id;
  await h.call('openIndex', { repoId: oci, refresh: true });
  const cilium = (await h.call<{ id: string }>('addRepo', { name: `cilium-${Date.now()}`, url: `${server.origin}/cilium` })).id;
  const grafana = (await h.call<{ id: string }>('addRepo', { name: `grafana-${Date.now()}`, url: `${server.origin}/g` })).id;
  await h.call('openChartVersion', { repoId: cilium, name: 'cilium', version: '1.16.0' });
  await h.call('openChartVersion', { repoId: grafana, name: 'grafana', version: '5.3.1' });
}

describe('cache sizes and clearing', () => {
  it('reports each cache folder with the sizes of its files on disk', async () => {
    await useCaches();
    const report = await h.call<Report>('storageReport', {});
    expect(report.dataDir).toBe(h.dataDir);
    expect(report.caches.map((c) => c.id)).toEqual(['index-offline', 'chart-cache', 'registry-blobs']);
    for (const cache of report.caches) {
      const files = filesOnDisk(cache.folder);
      expect(files.size).toBeGreaterThan(0);
      expect({ id: cache.id, bytes: cache.bytes, files: cache.files }).toEqual({ id: cache.id, bytes: sum(files), files: files.size });
    }
    expect(report.totalBytes).toBe(report.caches.reduce((a, c) => a + c.bytes, 0));
    expect(report.caches.find((c) => c.id === 'chart-cache')?.limitBytes).toBe(1024 * 1024 * 1024);
    expect(report.canOpenFolder).toBe(false);
  });

  it('clears one cache: its files go, every other file of the data folder stays byte for byte', async () => {
    await useCaches();
    await h.call('updateSettings', { theme: 'dark' });
    writeFileSync(path.join(h.dataDir, 'my-notes.txt'), 'not a cache');
    const before = filesOnDisk(h.dataDir);
    const packages = [...before.keys()].filter((name) => name.startsWith('chart-cache/'));
    expect(packages.length).toBeGreaterThan(0);
    const result = await h.call<{ removedFiles: number; removedBytes: number; report: Report }>('clearCache', { cache: 'chart-cache' });
    expect(result.removedFiles).toBe(packages.length);
    expect(result.removedBytes).toBe(packages.reduce((a, name) => a + (before.get(name) ?? 0), 0));
    const after = filesOnDisk(h.dataDir);
    expect([...after.keys()].sort()).toEqual([...before.keys()].filter((name) => !packages.includes(name)).sort());
    for (const name of ['repos.json', 'settings.json', 'my-notes.txt']) expect(after.get(name)).toBe(before.get(name));
    expect(result.report.caches.find((c) => c.id === 'chart-cache')).toMatchObject({ bytes: 0, files: 0 });
  });

  it('clears all caches, and an unknown cache is refused by name', async () => {
    await useCaches();
    const before = filesOnDisk(h.dataDir);
    const cached = [...before.keys()].filter((name) => /^(registry-cache|index-offline|chart-cache)\//.test(name));
    const result = await h.call<{ removedFiles: number }>('clearCache', { cache: 'all' });
    expect(result.removedFiles).toBe(cached.length);
    expect([...filesOnDisk(h.dataDir).keys()].sort()).toEqual([...before.keys()].filter((name) => !cached.includes(name)).sort());
    await expect(h.call('clearCache', { cache: 'repos' })).rejects.toMatchObject({ kind: 'not-found', message: 'There is no cache called repos.' });
    expect(existsSync(path.join(h.dataDir, 'repos.json'))).toBe(true);
  });

  it('lowering the package cache limit trims the cache at once, least recently used first', async () => {
    const dir = path.join(h.dataDir, 'chart-cache');
    mkdirSync(dir, { recursive: true });
    const names = [0, 1, 2].map((i) => `sha256-${String(i).repeat(64)}.tgz`);
    names.forEach((name, i) => {
      writeFileSync(path.join(dir, name), Buffer.alloc(700 * 1024, i));
      const at = new Date(Date.now() - (10 - i) * 60_000);
      utimesSync(path.join(dir, name), at, at);
    });
    await h.call('updateSettings', { packageCacheLimitMb: 1 });
    await expect.poll(() => readdirSync(dir).sort(), { timeout: 5000 }).toEqual([names[2]]);
    await h.call('updateSettings', { packageCacheLimitMb: 1024 });
  });
});
