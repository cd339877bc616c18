/**
 * The CLI's composition root: builds the services commands use, lazily and once per process. Each
 * service's modules are loaded on first use, so a command that needs no HTTP client, keychain or
 * repo store never loads undici, the keyring addon or zod.
 */
import os from 'node:os';
import type { FlowClient } from '../core/auth/flow';
import { silentLogger } from '../core/log';
import { resolveDataDir } from '../core/paths';
import { CHARTDESK_VERSION } from '../core/version';
import type { RepoService } from '../core/store/repo-service';
import type { StoredFlowRepo, StoredRepoRef } from './stored-repo';

/** What CLI commands may use. */
export interface CliServices {
  /** The auth flow engine (and its HTTP client), built on first use with the process environment's proxy settings. */
  flow(env: NodeJS.ProcessEnv): Promise<FlowClient>;
  /**
   * The stored repos and their credentials (repos.json + the keychain-backed vault in the data
   * folder; CHARTDESK_HOME overrides). Without a usable keychain, storing a secret fails loudly.
   */
  repos(env: NodeJS.ProcessEnv): Promise<RepoService>;
  /** The stored repo named `ref.name` (not-found if none) or holding `ref.url` (undefined if none), credentials from the vault. */
  storedRepo(env: NodeJS.ProcessEnv, ref: StoredRepoRef): Promise<StoredFlowRepo | undefined>;
  /** Releases connections so the process can exit. */
  close(): Promise<void>;
}

/** Creates the CLI's services; nothing is loaded or built until a command asks for it. */
export function createCliServices(): CliServices {
  let flow: Promise<FlowClient> | undefined;
  let repos: Promise<RepoService> | undefined;
  const openRepos = (env: NodeJS.ProcessEnv): Promise<RepoService> =>
    (repos ??= import('../core/store/repo-services').then(({ createRepoServices }) =>
      createRepoServices({ dataDir: resolveDataDir(env, process.platform, os.homedir()), env, log: silentLogger, allowSessionOnly: false }),
    ));
  return {
    flow(env) {
      flow ??= import('../core/auth/flow').then(({ createFlowClient }) => createFlowClient({ userAgent: `ChartDesk/${CHARTDESK_VERSION}`, env }));
      return flow;
    },
    repos: openRepos,
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
