import type { z } from 'zod';
import type { KeychainStatus, Repo, Transport } from '../contract';
import type { EventBus } from './events';
import type { Logger } from './log';
import type { FlowClient } from './auth/flow';
import type { RepoService } from './store/repo-service';
import type { ChartsCore } from './charts/charts-core';
import type { ProvenanceCore } from './provenance/provenance-core';

/** A repo as stored and as the contract returns it. */
export type RepoRecord = z.output<typeof Repo>;

/** Everything the handlers depend on, built once by the composition root. */
export interface CoreContext {
  version: string;
  transport: z.output<typeof Transport>;
  platform: string;
  dataDir: string;
  log: Logger;
  events: EventBus;
  keychainStatus(): Promise<z.output<typeof KeychainStatus>>;
  /** The repo list and its credentials (store + keychain-backed vault). */
  repos: RepoService;
  /** The auth flow engine (401 -> token -> retry). */
  flow: FlowClient;
  /** Helm's repositories.yaml default path and whether cm:// means http:// (HELM_REPO_USE_HTTP). */
  helm: { repositoryConfig: string; cmUsesHttp: boolean };
  /** Open indexes, chart packages, icons and ChartMuseum push/delete. */
  charts: ChartsCore;
  /** The keyring, repo pins, signing keys, provenance checks and signing. */
  provenance: ProvenanceCore;
}
