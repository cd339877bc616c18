/** The chart commands' (index, pull, push, delete) view of the CLI services: the chart services for one repo. */
import os from 'node:os';
import path from 'node:path';
import type { FlowClient } from '../core/auth/flow';
import { createChartsCore, type ChartsCore } from '../core/charts/charts-core';
import { createIndexParser } from '../core/index/parse-client';
import { silentLogger } from '../core/log';
import { resolveDataDir } from '../core/paths';
import { resolveChartTarget, type ChartTarget } from './chart-target';
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

/** The chart services for the repo `repoArg` names; the caller closes the CLI services. */
export async function openChartTarget(services: CliServices, env: NodeJS.ProcessEnv, repoArg: string | undefined, flags: NetworkFlags): Promise<{ target: ChartTarget; charts: ChartsCore }> {
  const target = await resolveChartTarget(repoArg, env, flags, (ref) => services.storedRepo(env, ref));
  const flow = await services.flow(env);
  const parser = createIndexParser({ workerPath: indexWorkerPath() });
  const charts = createChartsCore({
    flow: target.oneOff ? followingChallenges(flow) : flow,
    repos: target.access,
    parse: (bytes) => parser.parse(bytes),
    dataDir: resolveDataDir(env, process.platform, os.homedir()),
    log: silentLogger,
  });
  return { target, charts };
}
