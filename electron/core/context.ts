import type { z } from 'zod';
import type { KeychainStatus, Repo, Transport } from '../contract';
import type { EventBus } from './events';
import type { Logger } from './log';

/** A repo as stored and as the contract returns it. */
export type RepoRecord = z.output<typeof Repo>;

/** Read access to the configured repos. */
export interface RepoListSource {
  list(): Promise<RepoRecord[]>;
}

/** Everything the handlers depend on, built once by the composition root. */
export interface CoreContext {
  version: string;
  transport: z.output<typeof Transport>;
  platform: string;
  dataDir: string;
  log: Logger;
  events: EventBus;
  keychainStatus(): Promise<z.output<typeof KeychainStatus>>;
  repos: RepoListSource;
}
