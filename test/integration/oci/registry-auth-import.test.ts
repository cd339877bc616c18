/**
 * Importing the registry logins users already have: a Docker config.json whose credHelpers names
 * docker-credential-secretservice (a real helper over the test's gnome-keyring), inline `auth`
 * entries, identity tokens, Podman's auth.json, and helpers that are missing or know nothing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { helmPush } from '../../sandbox/helm-oci-push';
import type { RunningRegistry } from '../../sandbox/registry-process';
import { startCore, type CoreHarness } from '../index/core-harness';
import { run, testChart } from './oci-support';
import { basicRegistry } from './registry-fixtures';

type Report = {
  files: Array<{ path: string; format: string; found: boolean; problem?: string }>;
  imported: Array<{ name: string; repoId: string; registry: string; source: string }>;
  skipped: Array<{ registry: string; reason: string }>;
};

let h: CoreHarness;
let reg: RunningRegistry;
let dir: string;
const b64 = (text: string) => Buffer.from(text).toString('base64');

beforeAll(async () => {
  h = await startCore();
  reg = await basicRegistry({ alice: 'helper-held-pw' });
  await helmPush(reg.url, 'apps', testChart('viahelper', '1.0.0'), async () => `Basic ${b64('alice:helper-held-pw')}`);
  dir = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-authfiles-'));
});
afterAll(async () => {
  await run('docker-credential-secretservice', ['erase'], { stdin: reg.url.replace('http://', '') });
  await reg?.close();
  await h?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('importing registry logins', () => {
  it('resolves credHelpers through docker-credential-secretservice and then browses and pulls with the imported login', async () => {
    const server = new URL(reg.url).host;
    const stored = await run('docker-credential-secretservice', ['store'], { stdin: JSON.stringify({ ServerURL: server, Username: 'alice', Secret: 'helper-held-pw' }) });
    expect(stored.code, `the helper needs the test keyring session (npm test runs one): ${stored.stderr}${stored.stdout}`).toBe(0);
    const file = path.join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ auths: {}, credHelpers: { [server]: 'secretservice' } }));
    const report = await h.call<Report>('importRegistryAuth', { path: file });
    expect(report.files).toEqual([{ path: file, format: 'docker', found: true }]);
    expect(report.imported).toEqual([{ name: server, repoId: expect.any(String), registry: `oci://${server}`, source: `docker-credential-secretservice in ${file}`, secretMoved: true }]);
    const repoId = report.imported[0]?.repoId as string;
    const repo = (await h.call<Array<{ id: string; auth: { mode: string; username?: string }; hasSecret: boolean }>>('listRepos', {})).find((r) => r.id === repoId);
    expect(repo).toMatchObject({ auth: { mode: 'basic', username: 'alice' }, hasSecret: true });
    expect(await h.call('openIndex', { repoId })).toMatchObject({ chartCount: 1 });
    const list = await h.call<{ items: Array<{ name: string }> }>('listCharts', { repoId });
    expect(list.items.map((c) => c.name)).toEqual(['apps/viahelper']);
    expect((await h.call<{ verified: boolean }>('openChartVersion', { repoId, name: 'apps/viahelper', version: '1.0.0' })).verified).toBe(true);
    expect(JSON.stringify(report)).not.toContain('helper-held-pw');
  });

  it('reads inline auth and identity tokens, maps Docker Hub’s key, and says why it skips the rest', async () => {
    const file = path.join(dir, 'mixed.json');
    writeFileSync(
      file,
      JSON.stringify({
        auths: {
          'https://index.docker.io/v1/': { auth: b64('hubuser:hubpass') },
          'ghcr.io': { identitytoken: 'refresh-token-value', username: 'octo' },
          'bad.example.com': { auth: '###' },
          'empty.example.com': {},
        },
        credHelpers: { 'quay.io': 'not-installed-helper', 'gone.example.com': 'secretservice', 'mine.example.com': 'chartdesk' },
      }),
    );
    const report = await h.call<Report>('importRegistryAuth', { path: file });
    expect(report.imported.map((i) => [i.registry, i.source])).toEqual([
      ['oci://registry-1.docker.io', `the file in ${file}`],
      ['oci://ghcr.io', `the file (identity token) in ${file}`],
    ]);
    const repos = await h.call<Array<{ url: string; auth: { mode: string; username?: string } }>>('listRepos', {});
    expect(repos.find((r) => r.url === 'oci://ghcr.io')?.auth).toMatchObject({ mode: 'identity-token', username: 'octo' });
    expect(repos.find((r) => r.url === 'oci://registry-1.docker.io')?.auth).toMatchObject({ mode: 'basic', username: 'hubuser' });
    const reasons = Object.fromEntries(report.skipped.map((s) => [s.registry, s.reason]));
    expect(reasons['oci://bad.example.com']).toMatch(/not base64 of user:password/);
    expect(reasons['oci://empty.example.com']).toMatch(/holds no credential and names no credential helper/);
    expect(reasons['oci://quay.io']).toMatch(/docker-credential-not-installed-helper is not installed/);
    expect(reasons['oci://gone.example.com']).toMatch(/docker-credential-secretservice get: credentials not found/i);
    // A host `chartdesk repos use-helper` pointed at ChartDesk is not imported back from ChartDesk itself.
    expect(reasons['oci://mine.example.com']).toBe('Its login already comes from ChartDesk’s keychain (docker-credential-chartdesk).');
  });

  it('skips what ChartDesk already has, and reports a file that does not exist or is not JSON', async () => {
    const podman = path.join(dir, 'auth.json');
    writeFileSync(podman, JSON.stringify({ auths: { 'ghcr.io': { auth: b64('x:y') }, 'quay.io/team': { auth: b64('robot:tok') } } }));
    const junk = path.join(dir, 'junk.json');
    writeFileSync(junk, 'not json');
    const report = await h.call<Report>('importRegistryAuth', { path: podman });
    expect(report.files[0]?.format).toBe('podman');
    expect(report.skipped).toEqual([{ registry: 'oci://ghcr.io', reason: 'ChartDesk already has it as “ghcr.io”.' }]);
    expect(report.imported.map((i) => i.registry)).toEqual(['oci://quay.io/team']);
    expect((await h.call<Report>('importRegistryAuth', { path: junk })).files[0]?.problem).toMatch(/is not JSON/);
    expect((await h.call<Report>('importRegistryAuth', { path: path.join(dir, 'missing.json') })).files[0]?.found).toBe(false);
  });
});
