/**
 * The CLI's composition root: builds the services commands use, lazily and once per process. Each
 * service's modules are loaded on first use, so a command that needs no HTTP client, keychain or
 * repo store never loads undici, the keyring addon or zod; the data folder's settings are read
 * before the first service that applies them (timeouts, proxy, CA file, index cap, session-only).
 */
import os from 'node:os';
import type { FlowClient } from '../core/auth/flow';
import { silentLogger } from '../core/log';
import { resolveDataDir } from '../core/paths';
import type { LiveSettings } from '../core/settings/live-settings';
import type { SettingsStore } from '../core/settings/settings-store';
import type { NoticeBoard } from '../core/store/notices';
import type { RepoServices } from '../core/store/repo-services';
import type { TransferService } from '../core/transfer/transfer-service';
import { CHARTDESK_VERSION } from '../core/version';
import type { StoredFlowRepo, StoredRepoRef } from './stored-repo';

/** What CLI commands may use. */
export interface CliServices {
  /** The settings as the services read them (timeouts, proxy, CA file, index cap, session-only mode), after settings.json was read. */
  live(env: NodeJS.ProcessEnv): Promise<LiveSettings>;
  /** The auth flow engine (and its HTTP client), built on first use with the environment's proxy settings unless Settings name one. */
  flow(env: NodeJS.ProcessEnv): Promise<FlowClient>;
  /**
   * The stored repos and their credentials (repos.json + the keychain-backed vault in the data
   * folder; CHARTDESK_HOME overrides). Without a usable keychain, storing a secret fails loudly.
   */
  repos(env: NodeJS.ProcessEnv): Promise<RepoServices>;
  /** Export and import of every repo (moving to a new machine); secrets only into a usable keychain. */
  transfer(env: NodeJS.ProcessEnv): Promise<TransferService>;
  /** The stored repo named `ref.name` (not-found if none) or holding `ref.url` (undefined if none), credentials from the vault. */
  storedRepo(env: NodeJS.ProcessEnv, ref: StoredRepoRef): Promise<StoredFlowRepo | undefined>;
  /** Releases connections so the process can exit. */
  close(): Promise<void>;
}

/** Creates the CLI's services; nothing is loaded or built until a command asks for it. */
export function createCliServices(): CliServices {
  let flow: Promise<FlowClient> | undefined;
  let repos: Promise<RepoServices> | undefined;
  let settings: Promise<{ store: SettingsStore; notices: NoticeBoard }> | undefined;
  const dataDir = (env: NodeJS.ProcessEnv) => resolveDataDir(env, process.platform, os.homedir());
  const openSettings = (env: NodeJS.ProcessEnv) =>
    (settings ??= Promise.all([import('../core/settings/settings-store'), import('../core/store/notices'), import('../core/errors')]).then(async ([{ createSettingsStore }, { createNoticeBoard }, { serializeError }]) => {
      const notices = createNoticeBoard();
      const store = createSettingsStore({ dataDir: dataDir(env), notify: (level, message) => notices.add(level, message) });
      await store.load().catch((error: unknown) => notices.add('warning', `The settings could not be read (${serializeError(error).message}); the defaults are used.`));
      return { store, notices };
    }));
  const live = async (env: NodeJS.ProcessEnv): Promise<LiveSettings> => {
    const [{ liveSettings }, { store }] = await Promise.all([import('../core/settings/live-settings'), openSettings(env)]);
    return liveSettings(store);
  };
  const openRepos = (env: NodeJS.ProcessEnv): Promise<RepoServices> =>
    (repos ??= Promise.all([import('../core/store/repo-services'), openSettings(env), live(env)]).then(([{ createRepoServices }, { notices }, current]) =>
      createRepoServices({ dataDir: dataDir(env), env, log: silentLogger, allowSessionOnly: false, notices, sessionOnly: current.sessionOnly }),
    ));
  return {
    live,
    flow(env) {
      flow ??= Promise.all([import('../core/auth/flow'), live(env)]).then(([{ createFlowClient }, current]) => createFlowClient({ userAgent: `ChartDesk/${CHARTDESK_VERSION}`, env, httpDefaults: current.httpDefaults }));
      return flow;
    },
    repos: openRepos,
    async transfer(env) {
      const [{ createTransferService }, service, { store }] = await Promise.all([import('../core/transfer/transfer-service'), openRepos(env), openSettings(env)]);
      return createTransferService({ repos: service, settings: store, exportedBy: `ChartDesk ${CHARTDESK_VERSION}`, allowSessionOnly: false });
    },
    async storedRepo(env, ref) {
      const [{ findStoredRepo }, service] = await Promise.all([import('./stored-repo'), openRepos(env)]);
      return findStoredRepo(service, ref);
    },
    async close() {
      const current = flow;
      flow = undefined;
      await (await current)?.close();
    },
  };
}
