/** The CLI's composition root: builds the services commands use, lazily and once per process. */
import { createFlowClient, type FlowClient } from '../core/auth/flow';
import { CHARTDESK_VERSION } from '../core/version';
import os from 'node:os';
import { serializeError } from '../core/errors';
import { silentLogger } from '../core/log';
import { resolveDataDir } from '../core/paths';
import { liveSettings, type LiveSettings } from '../core/settings/live-settings';
import { createSettingsStore, type SettingsStore } from '../core/settings/settings-store';
import { createNoticeBoard, type NoticeBoard } from '../core/store/notices';
import { createRepoServices, type RepoServices } from '../core/store/repo-services';
import { createTransferService, type TransferService } from '../core/transfer/transfer-service';
import { findStoredRepo, type StoredFlowRepo, type StoredRepoRef } from './stored-repo';

/** What CLI commands may use. */
export interface CliServices {
  /** Reads the data folder's settings (settings.json); every command runs after it. */
  loadSettings(env: NodeJS.ProcessEnv): Promise<void>;
  /** The settings as the services read them (timeouts, proxy, CA file, index cap, session-only mode). */
  live(env: NodeJS.ProcessEnv): LiveSettings;
  /** The auth flow engine (and its HTTP client), built on first use with the environment's proxy settings unless Settings name one. */
  flow(env: NodeJS.ProcessEnv): FlowClient;
  /**
   * The stored repos and their credentials (repos.json + the keychain-backed vault in the data
   * folder; CHARTDESK_HOME overrides). Without a usable keychain, storing a secret fails loudly.
   */
  repos(env: NodeJS.ProcessEnv): RepoServices;
  /** Export and import of every repo (moving to a new machine); secrets only into a usable keychain. */
  transfer(env: NodeJS.ProcessEnv): TransferService;
  /** The stored repo named `ref.name` (not-found if none) or holding `ref.url` (undefined if none), credentials from the vault. */
  storedRepo(env: NodeJS.ProcessEnv, ref: StoredRepoRef): Promise<StoredFlowRepo | undefined>;
  /** Releases connections so the process can exit. */
  close(): Promise<void>;
}

/** Creates the CLI's services; nothing is built until a command asks for it. */
export function createCliServices(): CliServices {
  let flow: FlowClient | undefined;
  let repos: RepoServices | undefined;
  let settings: SettingsStore | undefined;
  const notices: NoticeBoard = createNoticeBoard();
  const dataDir = (env: NodeJS.ProcessEnv) => resolveDataDir(env, process.platform, os.homedir());
  const openSettings = (env: NodeJS.ProcessEnv): SettingsStore => (settings ??= createSettingsStore({ dataDir: dataDir(env), notify: (level, message) => notices.add(level, message) }));
  const live = (env: NodeJS.ProcessEnv) => liveSettings(openSettings(env));
  const openRepos = (env: NodeJS.ProcessEnv): RepoServices =>
    (repos ??= createRepoServices({ dataDir: dataDir(env), env, log: silentLogger, allowSessionOnly: false, notices, sessionOnly: live(env).sessionOnly }));
  return {
    async loadSettings(env) {
      await openSettings(env)
        .load()
        .catch((error: unknown) => notices.add('warning', `The settings could not be read (${serializeError(error).message}); the defaults are used.`));
    },
    live,
    flow(env) {
      flow ??= createFlowClient({ userAgent: `ChartDesk/${CHARTDESK_VERSION}`, env, httpDefaults: live(env).httpDefaults });
      return flow;
    },
    repos: openRepos,
    transfer: (env) => createTransferService({ repos: openRepos(env), settings: openSettings(env), exportedBy: `ChartDesk ${CHARTDESK_VERSION}`, allowSessionOnly: false }),
    storedRepo: (env, ref) => findStoredRepo(openRepos(env), ref),
    async close() {
      const current = flow;
      flow = undefined;
      await current?.close();
    },
  };
}
