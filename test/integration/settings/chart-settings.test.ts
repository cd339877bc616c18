/**
 * The chart settings take effect in a running core, through the contract: the index size cap, chart
 * icons from other hosts, and how long an index counts as fresh.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFlowClient } from '../../../electron/core/auth/flow';
import { createChartsCore } from '../../../electron/core/charts/charts-core';
import { createIndexParser } from '../../../electron/core/index/parse-client';
import { silentLogger } from '../../../electron/core/log';
import { liveSettings } from '../../../electron/core/settings/live-settings';
import { createSettingsStore } from '../../../electron/core/settings/settings-store';
import { createRepoServices } from '../../../electron/core/store/repo-services';
import { DIST, PROJECT_ROOT, SHARED_DATA } from '../../support/paths';
import { startCore, type CoreHarness } from '../index/core-harness';
import { startStaticRepo, type StaticRepo } from '../index/static-repo';

let h: CoreHarness;
const servers: StaticRepo[] = [];
const serve = async () => {
  const server = await startStaticRepo();
  servers.push(server);
  return server;
};
const addRepo = async (url: string) => (await h.call<{ id: string }>('addRepo', { name: `r${Math.random().toString(36).slice(2, 8)}`, url })).id;
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e as Error & { kind: string; hint?: string });

beforeAll(async () => {
  h = await startCore();
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
afterAll(async () => {
  await h.close();
});

describe('the index size cap', () => {
  it('refuses an index bigger than the cap, naming it, and opens it once the cap is raised', async () => {
    const server = await serve();
    const cilium = readFileSync(path.join(SHARED_DATA, 'index', 'cilium.yaml'));
    expect(cilium.length).toBeGreaterThan(1024 * 1024);
    server.put('/c/index.yaml', cilium, 'application/x-yaml');
    const repoId = await addRepo(`${server.origin}/c`);
    await h.call('updateSettings', { maxIndexMb: 1 });
    const error = await failure(h.call('openIndex', { repoId }));
    expect(error).toMatchObject({ kind: 'too-large', message: 'The index is larger than the 1 MB index size cap.' });
    expect(error?.hint).toMatch(/Settings/);
    await h.call('updateSettings', { maxIndexMb: 2 });
    expect(await h.call('openIndex', { repoId, refresh: true })).toMatchObject({ chartCount: 2, bytes: cilium.length });
    await h.call('updateSettings', { maxIndexMb: 256 });
  });
});

describe('chart icons from other hosts', () => {
  it('are not fetched while the setting is off; icons on the repo’s own host still are', async () => {
    const repo = await serve();
    const iconHost = await serve();
    const svg = readFileSync(path.join(PROJECT_ROOT, 'build', 'icon.svg'));
    repo.put('/r/icons/own.svg', svg, 'image/svg+xml');
    iconHost.put('/elsewhere.svg', svg, 'image/svg+xml');
    const entry = (name: string, icon: string) => `  ${name}:\n  - apiVersion: v2\n    name: ${name}\n    version: 1.0.0\n    urls: [${name}-1.0.0.tgz]\n    digest: ${'a'.repeat(64)}\n    icon: ${icon}\n`;
    repo.put('/r/index.yaml', `apiVersion: v1\nentries:\n${entry('far', `${iconHost.origin}/elsewhere.svg`)}${entry('near', 'icons/own.svg')}`);
    const repoId = await addRepo(`${repo.origin}/r`);
    await h.call('updateSettings', { iconsFromOtherHosts: false });
    expect(await h.call('chartIcon', { repoId, name: 'far' })).toEqual({ dataUrl: null, reason: 'Icons from other hosts are turned off in Settings.' });
    expect(iconHost.requests).toHaveLength(0);
    expect(await h.call('chartIcon', { repoId, name: 'near' })).toEqual({ dataUrl: `data:image/svg+xml;base64,${svg.toString('base64')}` });
    await h.call('updateSettings', { iconsFromOtherHosts: true });
    expect(await h.call('chartIcon', { repoId, name: 'far' })).toEqual({ dataUrl: `data:image/svg+xml;base64,${svg.toString('base64')}` });
    expect(iconHost.requests.map((r) => r.path)).toEqual(['/elsewhere.svg']);
  });
});

describe('how long an index counts as fresh', () => {
  it('marks an index stale once it is older than the window, read at each summary', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-fresh-'));
    const server = await serve();
    server.put('/f/index.yaml', readFileSync(path.join(SHARED_DATA, 'index', 'bioos.yaml')), 'application/x-yaml');
    // A clock the test moves, so ten minutes pass without waiting ten minutes.
    let now = Date.UTC(2025, 0, 1, 12);
    const settings = createSettingsStore({ dataDir: dir, notify: () => undefined });
    const live = liveSettings(settings);
    const repos = createRepoServices({ dataDir: dir, env: { CHARTDESK_KEYCHAIN: 'off' }, log: silentLogger, allowSessionOnly: true, sessionOnly: live.sessionOnly });
    const flow = createFlowClient({ userAgent: 'ChartDesk/test', env: {}, httpDefaults: live.httpDefaults });
    const parser = createIndexParser({ workerPath: path.join(DIST, 'index-worker.cjs') });
    const charts = createChartsCore({ flow, repos, parse: (bytes) => parser.parse(bytes), dataDir: dir, log: silentLogger, now: () => now, maxIndexBytes: live.maxIndexBytes, live: live.charts });
    try {
      const repo = await repos.add({ name: 'fresh', url: `${server.origin}/f`, auth: { mode: 'none', dialect: 'auto' }, tls: { insecureSkipVerify: false }, passCredentialsAll: false });
      expect((await (await charts.sources.forRepo(repo.id)).open(false)).stale).toBe(false);
      now += 10 * 60_000;
      expect((await (await charts.sources.forRepo(repo.id)).open(false)).stale).toBe(false);
      await settings.update({ indexFreshMinutes: 5 });
      expect((await (await charts.sources.forRepo(repo.id)).open(false)).stale).toBe(true);
      await settings.update({ indexFreshMinutes: 15 });
      expect((await (await charts.sources.forRepo(repo.id)).open(false)).stale).toBe(false);
    } finally {
      await flow.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
