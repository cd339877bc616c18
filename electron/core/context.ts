import type { z } from 'zod';
import type { KeychainStatus, Repo, Transport } from '../contract';
import type { EventBus } from './events';
import type { Logger } from './log';
import type { FlowClient } from './auth/flow';
import type { RepoService } from './store/repo-service';
import type { ChartsCore } from './charts/charts-core';
import type { HelperRunner } from './oci/credential-helper';
import type { RegistryAuthFile } from './oci/registry-auth-paths';
import type { SettingsStore } from './settings/settings-store';
import type { StorageService } from './storage/storage-service';
import type { TransferService } from './transfer/transfer-service';

/** Facts and abilities of the process that hosts the core (About, Open folder). */
export interface HostFacts {
  arch: string;
  /** process.versions: node, v8, and electron and chrome in the desktop app. */
  versions: { node: string; electron?: string | undefined; chrome?: string | undefined; v8?: string | undefined };
  /** Opens a folder in the file manager; only the desktop app can. */
  openFolder?: (dir: string) => Promise<void>;
  /** The environment, for what diagnostics may say about it (whether a proxy variable is set). */
  env: NodeJS.ProcessEnv;
}
import type { ProvenanceCore } from './provenance/provenance-core';
import type { CredentialHelperService } from './credential-helper/credential-helper-service';
import type { UrlProber } from './probe/url-prober';

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
  /** Each repo's chart source (index.yaml or registry), versions, icons, push and delete. */
  charts: ChartsCore;
  /** Where Docker, Helm and Podman keep registry logins, and how credential helpers are run. */
  registryAuth: { files: RegistryAuthFile[]; runHelper: HelperRunner };
  /** The app's settings (settings.json), read live by the services that use them. */
  settings: SettingsStore;
  /** The cache folders: sizes, clearing, the package cache's size limit. */
  storage: StorageService;
  /** Export and import of every repo (moving to a new machine). */
  transfer: TransferService;
  host: HostFacts;
  /** The keyring, repo pins, signing keys, provenance checks and signing. */
  provenance: ProvenanceCore;
  /** ChartDesk's Docker credential helper: tool config files that use it, its launcher. */
  credentialHelper: CredentialHelperService;
  /** Probes typed repo URLs without credentials (the add/edit dialog's detection). */
  probe: UrlProber;
}
