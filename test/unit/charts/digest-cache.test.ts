import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { normalizeDigest, shortDigest, verifyDigest } from '../../../electron/core/charts/digest';
import { createPackageCache } from '../../../electron/core/charts/package-cache';
import { SHARED_DATA } from '../../support/paths';

const grafana = readFileSync(path.join(SHARED_DATA, 'charts', 'grafana-5.3.1.tgz'));
const grafanaHex = createHash('sha256').update(grafana).digest('hex');
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'chartdesk-cache-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('digests', () => {
  it('accepts the index forms of a digest', () => {
    expect(normalizeDigest(grafanaHex.toUpperCase())).toBe(grafanaHex);
    expect(normalizeDigest(`sha256:${grafanaHex}`)).toBe(grafanaHex);
    expect(normalizeDigest('not-a-digest')).toBeUndefined();
  });

  it('reports a mismatch with both digests shortened', () => {
    const other = createHash('sha256').update('something else').digest('hex');
    const error = (() => {
      try {
        verifyDigest(grafana, other, 'The package grafana 5.3.1');
      } catch (e) {
        return e as Error & { kind: string };
      }
    })();
    expect(error?.kind).toBe('digest-mismatch');
    expect(error?.message).toContain(shortDigest(other));
    expect(error?.message).toContain(shortDigest(grafanaHex));
    expect(error?.message).not.toContain(grafanaHex);
  });
});

describe('package cache', () => {
  it('stores a package under its digest and gives it back', async () => {
    const cache = createPackageCache({ dir: tempDir() });
    expect(await cache.put(grafana)).toBe(grafanaHex);
    expect((await cache.get(grafanaHex))?.equals(grafana)).toBe(true);
  });

  it('drops a damaged copy instead of returning it', async () => {
    const dir = tempDir();
    const cache = createPackageCache({ dir });
    await cache.put(grafana);
    const [file] = readdirSync(dir);
    writeFileSync(path.join(dir, file ?? ''), Buffer.concat([grafana, Buffer.from('tampered')]));
    expect(await cache.get(grafanaHex)).toBeUndefined();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('misses for unknown or malformed digests without touching the disk outside its folder', async () => {
    const cache = createPackageCache({ dir: tempDir() });
    expect(await cache.get(grafanaHex)).toBeUndefined();
    expect(await cache.get('../../etc/passwd')).toBeUndefined();
  });
});
