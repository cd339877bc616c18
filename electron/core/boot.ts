import os from 'node:os';
import path from 'node:path';
import { createCore, type Core } from './app-core';
import type { CoreContext } from './context';
import { createEventBus } from './events';
import { createFlowClient } from './auth/flow';
import { createChartsCore } from './charts/charts-core';
import { createProvenanceCore } from './provenance/provenance-core';
import { createIndexParser } from './index/parse-client';
import { helmRepositoryConfigPath } from './helm/repositories-path';
import { createRepoServices } from './store/repo-services';
import type { Logger } from './log';
import { CHARTDESK_VERSION } from './version';

/** What differs between the processes that host the core. */
export interface BootOptions {
  transport: CoreContext['transport'];
  dataDir: string;
  log: Logger;
  platform?: string;
  /** Environment (CHARTDESK_KEYCHAIN, HELM_REPOSITORY_CONFIG, proxies...); default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Home folder; default os.homedir(). */
  homeDir?: string;
  /** The bundled index parse worker; default index-worker.cjs beside this bundle (dist/). */
  indexWorkerPath?: string;
}

/** Builds a core for a host process (Electron main, the browser-mode server or the CLI). */
export async function bootCore(options: BootOptions): Promise<Core> {
  const events = createEventBus((error) => options.log.error('event listener failed', { error: error instanceof Error ? error.name : typeof error }));
  const env = options.env ?? process.env;
  const repos = createRepoServices({
    dataDir: options.dataDir,
    env,
    log: options.log,
    allowSessionOnly: true,
    onChange: (list) => events.emit('reposChanged', { repos: list }),
  });
  const flow = createFlowClient({ userAgent: `ChartDesk/${CHARTDESK_VERSION}`, log: options.log, env });
  const indexParser = createIndexParser({ workerPath: options.indexWorkerPath ?? path.join(__dirname, 'index-worker.cjs') });
  const charts = createChartsCore({
    flow,
    repos,
    parse: (bytes) => indexParser.parse(bytes),
    dataDir: options.dataDir,
    log: options.log,
    onProgress: (progress) => events.emit('indexProgress', progress),
  });
  const provenance = createProvenanceCore({ dataDir: options.dataDir, vault: repos.vault, notify: repos.notify, flow, charts, repos, limits: charts.limits });
  const context: CoreContext = {
    version: CHARTDESK_VERSION,
    transport: options.transport,
    platform: options.platform ?? process.platform,
    dataDir: options.dataDir,
    log: options.log,
    events,
    keychainStatus: () => repos.keychainStatus(),
    repos,
    flow,
    helm: { repositoryConfig: helmRepositoryConfigPath(env, process.platform, options.homeDir ?? os.homedir()), cmUsesHttp: env.HELM_REPO_USE_HTTP === 'true' },
    charts,
    provenance,
  };
  return createCore(context);
}
