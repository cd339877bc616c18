/** The chart commands' (index, pull, push, delete) view of the CLI services: the chart services for one repo. */
import os from 'node:os';
import path from 'node:path';
import type { FlowClient } from '../core/auth/flow';
import { createChartsCore, type ChartsCore } from '../core/charts/charts-core';
import { createIndexParser } from '../core/index/parse-client';
import { silentLogger } from '../core/log';
import { resolveDataDir } from '../core/paths';
import type { ChartSource } from '../core/charts/chart-source';
import { resolveChartTarget, type ChartTarget, type TargetOptions } from './chart-target';
import type { CliServices } from './services';
import type { NetworkFlags } from './url-repo';

/** The bundled index parse worker, beside the CLI bundle (dist/index-worker.cjs). */
export function indexWorkerPath(): string {
  return path.join(__dirname, 'index-worker.cjs');
}

/** A flow client that answers a Basic challenge too (for one-off URL repos, as `chartdesk get` does). */
function followingChallenges(flow: FlowClient): FlowClient {
  return { ...flow, request: (req) => flow.request({ ...req, followChallengeScheme: true }) };
}

/** The chart services and the chart source of the repo `repoArg` names; the caller closes the CLI services. */
export async function openChartTarget(
  services: CliServices,
  env: NodeJS.ProcessEnv,
  repoArg: string | undefined,
  flags: NetworkFlags,
  options: TargetOptions = {},
): Promise<{ target: ChartTarget; charts: ChartsCore; source: ChartSource }> {
  const target = await resolveChartTarget(repoArg, env, flags, (ref) => services.storedRepo(env, ref), options);
  const [flow, live] = await Promise.all([services.flow(env), services.live(env)]);
  const parser = createIndexParser({ workerPath: indexWorkerPath() });
  // The target is served as resolved; another stored repo (the registry of an index's oci:// entry) comes from the store.
  const repos = {
    get: async (id: string) => (id === target.repoId ? target.access.get(id) : (await services.repos(env)).get(id)),
    credentials: async (id: string) => (id === target.repoId ? target.access.credentials(id) : (await services.repos(env)).credentials(id)),
  };
  const charts = createChartsCore({
    flow: target.oneOff ? followingChallenges(flow) : flow,
    repos,
    parse: (bytes) => parser.parse(bytes),
    dataDir: resolveDataDir(env, process.platform, os.homedir()),
    log: silentLogger,
    ociRepoFor: async (reference) => (await services.storedRepo(env, { url: reference }))?.view,
    maxIndexBytes: live.maxIndexBytes,
    live: live.charts,
  });
  return { target, charts, source: await charts.sources.forRepo(target.repoId) };
}
