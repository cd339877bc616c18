/** What every `chartdesk repos …` subcommand gets: the services, its arguments and the streams. */
import type { FlowClient } from '../../core/auth/flow';
import type { ChartSource } from '../../core/charts/chart-source';
import type { RegistryAuthFile } from '../../core/oci/registry-auth-paths';
import type { RepoService } from '../../core/store/repo-service';
import type { TransferService } from '../../core/transfer/transfer-service';
import type { CredentialHelperService } from '../../core/credential-helper/credential-helper-service';
import type { CliIo } from '../command';

/** The services the repos commands use, built by the CLI's composition root. */
export interface ReposCliServices {
  repos: RepoService;
  /** Helm's repositories.yaml (HELM_REPOSITORY_CONFIG or the OS default). */
  helmRepositoryConfig: string;
  cmUsesHttp: boolean;
  /** The auth flow engine, for `repos test` (built on first use). */
  flow(): Promise<FlowClient>;
  /** The chart source of a stored repo (its probe, its registry). */
  source(name: string): Promise<ChartSource>;
  /** Where Docker, Helm and Podman keep registry logins. */
  registryAuthFiles: RegistryAuthFile[];
  /** Export and import of every repo (export-all, import-all). */
  transfer(): Promise<TransferService>;
  /** Tools' config files and ChartDesk's credential helper (use-helper, install-helper). */
  credentialHelper(): Promise<CredentialHelperService>;
}

/** One subcommand: resolves to the exit code. */
export type ReposSubcommand = (services: ReposCliServices, argv: string[], io: CliIo) => Promise<number>;
