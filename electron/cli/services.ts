/** The CLI's composition root: builds the services commands use, lazily and once per process. */
import { createFlowClient, type FlowClient } from '../core/auth/flow';
import { CHARTDESK_VERSION } from '../core/version';
import os from 'node:os';
import { silentLogger } from '../core/log';
import { resolveDataDir } from '../core/paths';
import { createRepoServices, type RepoServices } from '../core/store/repo-services';
import { findStoredRepo, type StoredFlowRepo, type StoredRepoRef } from './stored-repo';

/** What CLI commands may use. */
export interface CliServices {
  /** The auth flow engine (and its HTTP client), built on first use with the process environment's proxy settings. */
  flow(env: NodeJS.ProcessEnv): FlowClient;
  /**
   * The stored repos and their credentials (repos.json + the keychain-backed vault in the data
   * folder; CHARTDESK_HOME overrides). Without a usable keychain, storing a secret fails loudly.
   */
  repos(env: NodeJS.ProcessEnv): RepoServices;
  /** The stored repo named `ref.name` (not-found if none) or holding `ref.url` (undefined if none), credentials from the vault. */
  storedRepo(env: NodeJS.ProcessEnv, ref: StoredRepoRef): Promise<StoredFlowRepo | undefined>;
  /** Releases connections so the process can exit. */
  close(): Promise<void>;
}

/** Creates the CLI's services; nothing is built until a command asks for it. */
export function createCliServices(): CliServices {
  let flow: FlowClient | undefined;
  let repos: RepoServices | undefined;
  const openRepos = (env: NodeJS.ProcessEnv): RepoServices =>
    (repos ??= createRepoServices({ dataDir: resolveDataDir(env, process.platform, os.homedir()), env, log: silentLogger, allowSessionOnly: false }));
  return {
    flow(env) {
      flow ??= createFlowClient({ userAgent: `ChartDesk/${CHARTDESK_VERSION}`, env });
      return flow;
    },
    repos: openRepos,
    storedRepo: (env, ref) => findStoredRepo(openRepos(env), ref),
    async close() {
      const current = flow;
      flow = undefined;
      await current?.close();
    },
  };
}
