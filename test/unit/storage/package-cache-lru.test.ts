/** The package cache's size limit: least recently used packages go first, and a read counts as a use. */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../electron/core/charts/digest';
import { createPackageCache } from '../../../electron/core/charts/package-cache';
import { SHARED_DATA } from '../../support/paths';

const chart = (name: string) => readFileSync(path.join(SHARED_DATA, 'charts', name));
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-lru-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Makes a cached file look used `secondsAgo` seconds ago (the cache compares access and modification times). */
function usedAgo(dir: string, hex: string, secondsAgo: number): void {
  const at = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(path.join(dir, `sha256-${hex}.tgz`), at, at);
}

describe('the package cache size limit', () => {
  const argo = chart('argo-cd-3.4.0.tgz');
  const cilium = chart('cilium-1.16.0.tgz');
  const grafana = chart('grafana-5.3.1.tgz');

  it('keeps the cache under the limit, evicting the least recently used packages first', async () => {
    const dir = tempDir();
    const limit: { bytes?: number } = {};
    const cache = createPackageCache({ dir, limitBytes: () => limit.bytes });
    const a = await cache.put(argo);
    const g = await cache.put(grafana);
    usedAgo(dir, a, 300);
    usedAgo(dir, g, 200);
    // Reading argo makes it the most recently used, so grafana is the oldest now.
    expect((await cache.get(a))?.equals(argo)).toBe(true);
    limit.bytes = argo.length + cilium.length + 100;
    const c = await cache.put(cilium);
    expect(readdirSync(dir).sort()).toEqual([`sha256-${a}.tgz`, `sha256-${c}.tgz`].sort());
    expect(await cache.get(g)).toBeUndefined();
    expect((await cache.get(c))?.equals(cilium)).toBe(true);
  });

  it('applies a limit changed at run time on the next write, and keeps everything without a limit', async () => {
    const dir = tempDir();
    const limit: { bytes?: number } = {};
    const cache = createPackageCache({ dir, limitBytes: () => limit.bytes });
    const hexes = [await cache.put(argo), await cache.put(grafana), await cache.put(cilium)];
    hexes.forEach((hex, i) => usedAgo(dir, hex, 100 - i * 10));
    expect(readdirSync(dir)).toHaveLength(3);
    limit.bytes = cilium.length + 10;
    await cache.put(cilium);
    expect(readdirSync(dir)).toEqual([`sha256-${sha256Hex(cilium)}.tgz`]);
    expect(existsSync(path.join(dir, `sha256-${hexes[0]}.tgz`))).toBe(false);
  });
});
