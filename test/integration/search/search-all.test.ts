/**
 * searchAllRepos through the contract, against real servers: a static repo serving Grafana's real
 * index, the sandbox's ChartMuseum behind its token server and the sandbox's OCI registry. Then a
 * second app on the same data folder, with the static server gone: its offline copy is searched,
 * and marked as such.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app-core';
import { bootCore } from '../../../electron/core/boot';
import { silentLogger } from '../../../electron/core/log';
import { startSandbox, type RunningSandbox } from '../../sandbox/index';
import { DIST, SHARED_DATA } from '../../support/paths';
import { startStaticRepo, type StaticRepo } from '../index/static-repo';

interface Group {
  repoId: string;
  repoName: string;
  from: 'open' | 'offline';
  total: number;
  hits: Array<{ chart: { name: string }; score: number }>;
}
interface Answer {
  groups: Group[];
  searched: number;
  unopened: Array<{ repoName: string; searchedOffline: boolean }>;
  failed: Array<{ repoName: string; message: string }>;
}

async function boot(dataDir: string): Promise<{ core: Core; call<T>(name: string, args: unknown): Promise<T> }> {
  const core = await bootCore({ transport: 'browser', dataDir, log: silentLogger, env: { CHARTDESK_KEYCHAIN: 'off' }, homeDir: dataDir, indexWorkerPath: path.join(DIST, 'index-worker.cjs') });
  return {
    core,
    async call<T>(name: string, args: unknown) {
      const envelope = await core.dispatcher.call(name, args);
      if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), envelope.error);
      return envelope.value as T;
    },
  };
}

let dir: string;
let sandbox: RunningSandbox;
let statik: StaticRepo;
let ids: Record<'grafana' | 'museum' | 'registry', string>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-search-'));
  sandbox = await startSandbox({ oci: true });
  statik = await startStaticRepo();
  statik.put('/index.yaml', readFileSync(path.join(SHARED_DATA, 'index', 'grafana.yaml')));
});
afterAll(async () => {
  await statik.close().catch(() => undefined);
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('one search over three repos', () => {
  it('ranks each repo as its own search does, groups by repo, and lists the repos not open yet', async () => {
    const app = await boot(dir);
    try {
      const add = async (input: Record<string, unknown>) => (await app.call<{ id: string }>('addRepo', input)).id;
      ids = {
        grafana: await add({ name: 'grafana', url: statik.origin }),
        museum: await add({ name: 'museum', url: `${sandbox.repoUrl}/org1/repo1`, auth: { mode: 'token-server' }, secret: 'MASTERKEY' }),
        registry: await add({ name: 'registry', url: `oci://localhost:${new URL(sandbox.registryUrl as string).port}/charts` }),
      };
      const before = await app.call<Answer>('searchAllRepos', { query: 'grafana' });
      expect(before).toMatchObject({ groups: [], searched: 0, failed: [] });
      expect(before.unopened.map((u) => [u.repoName, u.searchedOffline])).toEqual([
        ['grafana', false],
        ['museum', false],
        ['registry', false],
      ]);

      const opened = await app.call<Answer>('searchAllRepos', { query: 'grafana', open: true, limitPerRepo: 5 });
      expect(opened.searched).toBe(3);
      expect(opened.unopened).toEqual([]);
      expect(opened.groups.map((g) => [g.repoName, g.from])).toEqual([
        ['grafana', 'open'],
        ['registry', 'open'],
      ]);
      const own = await app.call<{ total: number; hits: Group['hits'] }>('searchCharts', { repoId: ids.grafana, query: 'grafana', limit: 5 });
      const [grafana, registry] = opened.groups as [Group, Group];
      expect(grafana.total).toBe(own.total);
      expect(grafana.hits).toEqual(own.hits);
      expect(grafana.hits[0]?.chart.name).toBe('grafana');
      expect(registry.hits.map((h) => h.chart.name)).toEqual(['grafana']);

      const mine = await app.call<Answer>('searchAllRepos', { query: 'mychart' });
      expect(mine.groups.map((g) => [g.repoName, g.hits.map((h) => h.chart.name)])).toEqual([['museum', ['mychart']]]);
      expect((await app.call<Answer>('searchAllRepos', { query: '   ' })).groups).toEqual([]);
    } finally {
      await app.core.context.flow.close();
    }
  });

  it('searches the offline copy of a repo whose server is gone, marked offline, in a later session', async () => {
    await statik.close();
    const app = await boot(dir);
    try {
      const cached = await app.call<Answer>('searchAllRepos', { query: 'loki' });
      expect(cached.groups.map((g) => [g.repoName, g.from])).toEqual([['grafana', 'offline']]);
      expect(cached.groups[0]?.hits[0]?.chart.name).toBe('loki');
      expect(cached.unopened.map((u) => [u.repoName, u.searchedOffline])).toEqual([
        ['grafana', true],
        ['museum', true],
        ['registry', true],
      ]);

      // Opening it tries the server, cannot reach it, and keeps showing the copy: still marked offline.
      const summary = await app.call<{ offline: boolean }>('openIndex', { repoId: ids.grafana });
      expect(summary.offline).toBe(true);
      const after = await app.call<Answer>('searchAllRepos', { query: 'loki' });
      expect(after.groups[0]).toMatchObject({ repoName: 'grafana', from: 'offline' });
      expect(after.unopened.map((u) => u.repoName)).toEqual(['museum', 'registry']);
    } finally {
      await app.core.context.flow.close();
    }
  });
});

describe('probeRepoUrl through the contract', () => {
  it('answers with the schema’s shape, and refuses a URL that is too long', async () => {
    const app = await boot(dir);
    try {
      const probe = await app.call<{ outcome: string; proposal?: { mode: string }; checked: unknown[] }>('probeRepoUrl', { url: `${sandbox.repoUrl}/org1/repo1`, key: 'dialog' });
      expect(probe).toMatchObject({ outcome: 'token-server', proposal: { mode: 'token-server' } });
      expect(probe.checked).toHaveLength(1);
      await expect(app.call('probeRepoUrl', { url: `http://x/${'a'.repeat(2100)}` })).rejects.toMatchObject({ kind: 'bad-request' });
    } finally {
      await app.core.context.flow.close();
    }
  });
});
