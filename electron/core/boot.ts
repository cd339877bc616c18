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
import { createHelperRunner } from './oci/credential-helper';
import { registryAuthFiles } from './oci/registry-auth-paths';
import { createRepoServices } from './store/repo-services';
import type { Logger } from './log';
import { CHARTDESK_VERSION } from './version';
import { serializeError } from './errors';
import { liveSettings } from './settings/live-settings';
import { createSettingsStore } from './settings/settings-store';
import { createStorageService } from './storage/storage-service';
import { createNoticeBoard } from './store/notices';
import { createTransferService } from './transfer/transfer-service';
import { createCredentialHelperService } from './credential-helper/credential-helper-service';
import type { HelperProgram } from './credential-helper/helper-launcher';
import { createHelperUndoRecords } from './credential-helper/helper-undo-records';
import { createUrlProber } from './probe/url-prober';

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
  /** Opens a folder in the file manager (the desktop app passes Electron's shell.openPath). */
  openFolder?: (dir: string) => Promise<void>;
  /** Runtime versions for About; default process.versions. */
  versions?: NodeJS.ProcessVersions;
  /** What the credential helper's launcher runs; default this Node with credential-helper.cjs beside this bundle. */
  helperProgram?: HelperProgram;
}

/** Builds a core for a host process (Electron main, the browser-mode server or the CLI). */
export async function bootCore(options: BootOptions): Promise<Core> {
  const events = createEventBus((error) => options.log.error('event listener failed', { error: error instanceof Error ? error.name : typeof error }));
  const env = options.env ?? process.env;
  const notices = createNoticeBoard((notice) => options.log.warn('data notice', { message: notice.message }));
  const settings = createSettingsStore({ dataDir: options.dataDir, notify: (level, message) => notices.add(level, message) });
  await settings.load().catch((error: unknown) => notices.add('warning', `Your settings could not be read (${serializeError(error).message}); ChartDesk uses the defaults for now.`));
  const live = liveSettings(settings);
  const repos = createRepoServices({
    dataDir: options.dataDir,
    env,
    log: options.log,
    allowSessionOnly: true,
    onChange: (list) => events.emit('reposChanged', { repos: list }),
    notices,
    sessionOnly: live.sessionOnly,
  });
  const flow = createFlowClient({ userAgent: `ChartDesk/${CHARTDESK_VERSION}`, log: options.log, env, httpDefaults: live.httpDefaults });
  const indexParser = createIndexParser({ workerPath: options.indexWorkerPath ?? path.join(__dirname, 'index-worker.cjs') });
  const charts = createChartsCore({
    flow,
    repos,
    parse: (bytes, parseOptions) => indexParser.parse(bytes, parseOptions),
    prepareParse: () => indexParser.prepare(),
    dataDir: options.dataDir,
    log: options.log,
    onProgress: (progress) => events.emit('indexProgress', progress),
    onChanged: (repoId) => events.emit('indexChanged', { repoId }),
    ociRepoFor: (reference) => repos.forUrl(reference),
    rememberChart: (repoId, chart) => repos.addNamedChart(repoId, chart),
    maxIndexBytes: live.maxIndexBytes,
    live: live.charts,
  });
  const homeDir = options.homeDir ?? os.homedir();
  const storage = createStorageService({ dataDir: options.dataDir, limitBytes: live.charts.packageCacheLimitBytes, canOpenFolder: Boolean(options.openFolder) });
  const transfer = createTransferService({ repos, settings, exportedBy: `ChartDesk ${CHARTDESK_VERSION}`, allowSessionOnly: true });
  settings.subscribe((next, previous) => {
    events.emit('settingsChanged', { settings: next });
    if (next.packageCacheLimitMb !== previous.packageCacheLimitMb) {
      storage.trim().catch((error: unknown) => options.log.warn('could not trim the package cache', { error: serializeError(error).message }));
    }
  });
  const versions = options.versions ?? process.versions;
  const registryFiles = registryAuthFiles(env, process.platform, homeDir);
  const credentialHelper = createCredentialHelperService({
    repos,
    files: registryFiles,
    records: createHelperUndoRecords({ dataDir: options.dataDir, notify: repos.notify }),
    program: options.helperProgram ?? { command: process.execPath, args: [path.join(__dirname, 'credential-helper.cjs')], env: { CHARTDESK_HOME: options.dataDir } },
    writesAllowed: live.credentialHelperWrites,
    env,
    platform: process.platform,
    homeDir,
  });
  const provenance = createProvenanceCore({ dataDir: options.dataDir, vault: repos.vault, notify: repos.notify, charts, limits: charts.limits });
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
    helm: { repositoryConfig: helmRepositoryConfigPath(env, process.platform, homeDir), cmUsesHttp: env.HELM_REPO_USE_HTTP === 'true' },
    charts,
    registryAuth: { files: registryFiles, runHelper: createHelperRunner({ env }) },
    settings,
    storage,
    transfer,
    host: {
      arch: process.arch,
      versions: { node: versions.node, electron: versions.electron, chrome: versions.chrome, v8: versions.v8 },
      ...(options.openFolder ? { openFolder: options.openFolder } : {}),
      env,
    },
    provenance,
    credentialHelper,
    probe: createUrlProber({
      http: flow.http,
      parse: async (bytes) => {
        const { chartCount, versionCount, servedByChartMuseum } = (await indexParser.parse(bytes)).info();
        return { chartCount, versionCount, servedByChartMuseum };
      },
      cmUsesHttp: env.HELM_REPO_USE_HTTP === 'true',
      maxIndexBytes: live.maxIndexBytes,
    }),
  };
  return createCore(context);
}
