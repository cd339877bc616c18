/**
 * The OCI part of `npm run bench`: a local registry (Debian's docker-registry behind the sandbox
 * token server) with a namespace of 200 charts and one chart with 2,000 tags, read through the real
 * chart source. Cold: a fresh data folder and no tokens. Warm: a new session over the same data
 * folder (manifests and configs from the digest cache, new tokens), and a refresh in the same session.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createFlowClient } from '../electron/core/auth/flow';
import { createChartsCore } from '../electron/core/charts/charts-core';
import type { RepoRecord } from '../electron/core/context';
import { silentLogger } from '../electron/core/log';
import { createRegistryApi } from '../electron/core/oci/registry-api';
import { registryAccessOf } from '../electron/core/oci/registry-access';
import { sortTags } from '../electron/core/oci/registry-tags';
import { FIRST_PAGE } from '../electron/core/oci/registry-source';
import { startSandbox } from '../test/sandbox/index';
import { helmPush } from '../test/sandbox/helm-oci-push';
import { OCI_SERVICE } from '../test/sandbox/oci-registry';
import { REGISTRY_BINARY } from '../test/sandbox/registry-process';
import { tgzOf } from '../test/unit/charts/tar-builder';

/** One figure with its target. */
export interface OciFigure {
  what: string;
  ms: number;
  targetMs: number | undefined;
}

const CHARTS = 200;
const TAGS = 2000;

function chart(name: string, version: string): Buffer {
  return tgzOf([{ name: `${name}/Chart.yaml`, data: `apiVersion: v2\nname: ${name}\nversion: ${version}\nappVersion: "1.0"\ndescription: Benchmark chart ${name}\nkeywords: [bench]\n` }]);
}

async function token(tokenUrl: string, scope: string): Promise<string> {
  const res = await fetch(`${tokenUrl}?${new URLSearchParams({ service: OCI_SERVICE, scope })}`, { headers: { Authorization: `Basic ${Buffer.from('user:pass').toString('base64')}` } });
  return ((await res.json()) as { token: string }).token;
}

/** Runs the OCI measurements; undefined (with a reason on stderr) when docker-registry is not installed. */
export async function runOciBench(rounds: number, sharedData: string): Promise<OciFigure[] | undefined> {
  if (!existsSync(REGISTRY_BINARY)) {
    process.stderr.write(`bench: OCI part skipped: ${REGISTRY_BINARY} is missing (apt-get install docker-registry).\n`);
    return undefined;
  }
  const sandbox = await startSandbox({ oci: true, seed: false, sharedDataDir: sharedData });
  const registry = sandbox.registryUrl as string;
  const host = new URL(registry).host;
  const dirs: string[] = [];
  try {
    process.stderr.write(`bench: seeding ${CHARTS} charts and ${TAGS} tags…\n`);
    for (let i = 0; i < CHARTS; i++) {
      const name = `chart-${String(i).padStart(3, '0')}`;
      await helmPush(registry, 'bench', chart(name, '1.0.0'), async (scope) => `Bearer ${await token(sandbox.tokenUrl, scope)}`);
    }
    await helmPush(registry, 'tags', chart('many', '1.0.0'), async (scope) => `Bearer ${await token(sandbox.tokenUrl, scope)}`);
    const manifest = await fetch(`${registry}/v2/tags/many/manifests/1.0.0`, { headers: { Authorization: `Bearer ${await token(sandbox.tokenUrl, 'repository:tags/many:pull')}`, Accept: 'application/vnd.oci.image.manifest.v1+json' } }).then((r) => r.arrayBuffer());
    const push = `Bearer ${await token(sandbox.tokenUrl, 'repository:tags/many:pull,push')}`;
    for (let i = 1; i < TAGS; i++) {
      await fetch(`${registry}/v2/tags/many/manifests/1.${Math.floor(i / 100)}.${i % 100}`, { method: 'PUT', headers: { Authorization: push, 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' }, body: manifest });
    }

    const repo = (id: string, ns: string): RepoRecord => ({ id, name: id, kind: 'oci', url: `oci://${host}/${ns}`, auth: { mode: 'none', dialect: 'auto' }, tls: { insecureSkipVerify: false, plainHttp: true }, charts: [], passCredentialsAll: false, hasSecret: false });
    const session = (dataDir: string) => {
      const flow = createFlowClient({ userAgent: 'ChartDesk/bench' });
      const repos = { get: async (id: string) => repo(id, id === 'tags' ? 'tags' : 'bench'), credentials: async () => ({}) };
      const charts = createChartsCore({ flow, repos, parse: () => Promise.reject(new Error('no index here')), dataDir, log: silentLogger });
      return { flow, charts };
    };
    /** Time to the first page of rows, and to every chart read (the rest fills in after the first page). */
    const firstRows = async (charts: ReturnType<typeof session>['charts'], refresh: boolean) => {
      const started = performance.now();
      const source = await charts.sources.forRepo('bench');
      await source.open(refresh);
      const page = await source.list({ offset: 0, limit: FIRST_PAGE });
      if (page.total !== CHARTS || page.items.some((c) => c.pending)) throw new Error(`the first page is not ready: ${page.total} charts`);
      const first = performance.now() - started;
      await source.complete();
      whole.push(performance.now() - started);
      return first;
    };
    const whole: number[] = [];
    const cold: number[] = [];
    const warm: number[] = [];
    const refreshed: number[] = [];
    const tags: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-bench-oci-'));
      dirs.push(dataDir);
      const first = session(dataDir);
      cold.push(await firstRows(first.charts, false));
      refreshed.push(await firstRows(first.charts, true));
      await first.flow.close();
      const second = session(dataDir);
      warm.push(await firstRows(second.charts, false));
      const started = performance.now();
      const api = createRegistryApi(second.flow, registryAccessOf(repo('tags', 'tags'), async () => ({})));
      const sorted = sortTags(await api.tags('tags/many'));
      if (sorted.versions.length !== TAGS) throw new Error(`read ${sorted.versions.length} tags, expected ${TAGS}`);
      tags.push(performance.now() - started);
      await second.flow.close();
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] as number;
    return [
      { what: `first rows of a ${CHARTS}-chart namespace, cold (no cache, no tokens)`, ms: median(cold), targetMs: 1500 },
      { what: `first rows, warm (new session, manifests and configs from the digest cache)`, ms: median(warm), targetMs: 200 },
      { what: 'refresh in the same session (tokens cached)', ms: median(refreshed), targetMs: undefined },
      { what: `every chart of the namespace read (background, after the first page; all runs)`, ms: median(whole), targetMs: undefined },
      { what: `all ${TAGS.toLocaleString('en-US')} tags of one chart, paged and sorted as Helm does`, ms: median(tags), targetMs: 1000 },
    ];
  } finally {
    await sandbox.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}
