/** The chart commands' (index, pull, push, delete) view of the CLI services, and their shared options. */
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
import { NETWORK_OPTIONS, NETWORK_USAGE, type NetworkFlags } from './url-repo';

const { trace: _trace, ...networkOptions } = NETWORK_OPTIONS;

/** Options every chart command takes (network and TLS settings for URL repos). */
export const CHART_NETWORK_OPTIONS = networkOptions;

/** Usage lines for those options. */
export const CHART_NETWORK_USAGE = NETWORK_USAGE.filter((line) => !line.trimStart().startsWith('--trace')).join('\n');

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
  const flow = services.flow(env);
  const parser = createIndexParser({ workerPath: indexWorkerPath() });
  // The target is served as resolved; another stored repo (the registry of an index's oci:// entry) comes from the store.
  const repos = {
    get: (id: string) => (id === target.repoId ? target.access.get(id) : services.repos(env).get(id)),
    credentials: (id: string) => (id === target.repoId ? target.access.credentials(id) : services.repos(env).credentials(id)),
  };
  const charts = createChartsCore({
    flow: target.oneOff ? followingChallenges(flow) : flow,
    repos,
    parse: (bytes) => parser.parse(bytes),
    dataDir: resolveDataDir(env, process.platform, os.homedir()),
    log: silentLogger,
    ociRepoFor: async (reference) => (await services.storedRepo(env, { url: reference }))?.view,
    maxIndexBytes: services.live(env).maxIndexBytes,
    live: services.live(env).charts,
  });
  return { target, charts, source: await charts.sources.forRepo(target.repoId) };
}
