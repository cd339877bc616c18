/** `chartdesk repos …`: the repo list and its credentials from the command line. */
import os from 'node:os';
import { helmRepositoryConfigPath } from '../../core/helm/repositories-path';
import { registryAuthFiles } from '../../core/oci/registry-auth-paths';
import { openChartTarget } from '../chart-cli';
import { reposAddChart, reposRemoveChart } from './repos-charts';
import { reposImportRegistryAuth } from './repos-import-registry-auth';
import { UsageError, type CliCommand } from '../command';
import type { CliServices } from '../services';
import type { ReposSubcommand } from './repos-context';
import { reposAdd } from './repos-add';
import { reposExport } from './repos-export';
import { reposImportHelm } from './repos-import-helm';
import { reposList } from './repos-list';
import { reposRemove } from './repos-remove';
import { reposClearSecret, reposSetSecret } from './repos-secret';
import { reposTest } from './repos-test';
import { reposExportAll, reposImportAll } from './repos-transfer';
import { closestOption } from '../option-hint';

const SUBCOMMANDS: Record<string, ReposSubcommand> = {
  list: reposList,
  add: reposAdd,
  remove: reposRemove,
  'import-helm': reposImportHelm,
  'import-registry-auth': reposImportRegistryAuth,
  'add-chart': reposAddChart,
  'remove-chart': reposRemoveChart,
  export: reposExport,
  'set-secret': reposSetSecret,
  'clear-secret': reposClearSecret,
  test: reposTest,
  'export-all': reposExportAll,
  'import-all': reposImportAll,
};

const USAGE = `Usage: chartdesk repos <subcommand> [options]

  list [--json]                      The repos, in your order, and whether a secret is stored.
  add <name> <url> [options]         Add a repo: an http(s) folder holding index.yaml, or an OCI
                                     registry namespace (oci://ghcr.io/org/charts). Modes other than
                                     none read the secret from stdin:
      --auth none|basic|bearer|token-server|identity-token   (default none; registries: basic is
                                     a user name and password, identity-token an OAuth2 refresh token)
      --username U                   user name (basic; token server dialects B/C)
      --dialect auto|A|B|C           token request dialect (default auto)
      --header NAME                  send the credential in this header instead of Authorization
      --client-id ID                 client_id for dialect C
      --ca-file F --cert-file F --key-file F   TLS files (referenced, never copied)
      --insecure                     skip TLS verification (testing only)
      --pass-credentials             send credentials to chart URLs on other hosts too
      --no-secret                    add without a secret
      --plain-http / --no-plain-http registries: plain HTTP (default for localhost only)
      --chart A,B                    registries: charts to list (comma-separated), for registries
                                     that do not list their repositories
  remove <name>                      Remove a repo and its stored secret.
  import-helm [--file PATH]          Import Helm's repositories.yaml (default: HELM_REPOSITORY_CONFIG
                                     or Helm's own); passwords move into the keychain-backed vault.
  import-registry-auth [FILE]        Import registry logins from Docker's config.json, Helm's
                                     registry config.json and Podman's auth.json (or FILE), with
                                     credsStore/credHelpers resolved; secrets into the vault.
  add-chart <name> <chart>           Add a chart (name, or oci://host/ns/chart) to a registry repo.
  remove-chart <name> <chart>        Remove a chart from a registry repo's list.
  export <name>                      Print the helm commands that use the repo (no secret).
  set-secret <name> [--username U]   Store the secret piped on stdin.
  clear-secret <name>                Forget the stored secret.
  test <name>                        Run the auth flow against the repo's index.yaml.
  export-all FILE [--with-secrets] [--force]
                                     Write every repo and the settings to FILE (for a new machine).
                                     --with-secrets encrypts it with a passphrase (scrypt + AES-256-GCM).
  import-all FILE [--replace] [--settings] [--dry-run]
                                     Add the repos of FILE; ones with a name or URL you have are
                                     skipped (--replace replaces them); --settings takes over its
                                     settings; --dry-run only prints what would happen.

Secrets come from stdin or the keychain, never from arguments:
  printf %s "$API_KEY" | chartdesk repos add cm https://charts.example.com/org/repo --auth token-server
The passphrase of an export comes from CHARTDESK_PASSPHRASE, stdin or the terminal:
  CHARTDESK_PASSPHRASE=… chartdesk repos export-all repos.json --with-secrets
`;

/** Builds the command over the CLI's services. */
export function reposCommand(services: CliServices): CliCommand {
  return {
    name: 'repos',
    summary: 'List, add, remove and import chart repos; secrets go to the keychain.',
    usage: USAGE,
    async run(io) {
      const [sub, ...rest] = io.argv;
      const run = sub && Object.hasOwn(SUBCOMMANDS, sub) ? SUBCOMMANDS[sub] : undefined;
      if (!run) {
        const meant = sub ? closestOption(sub, Object.keys(SUBCOMMANDS)) : undefined;
        throw new UsageError(sub ? `Unknown subcommand “${sub}”${meant ? ` (did you mean “${meant}”?)` : ''}.` : 'Which subcommand?');
      }
      const env = io.env;
      try {
        return await run(
          {
            repos: services.repos(env),
            get flow() {
              return services.flow(env);
            },
            get transfer() {
              return services.transfer(env);
            },
            helmRepositoryConfig: helmRepositoryConfigPath(env, process.platform, os.homedir()),
            registryAuthFiles: registryAuthFiles(env, process.platform, os.homedir()),
            source: async (name) => (await openChartTarget(services, env, name, {})).source,
            cmUsesHttp: env.HELM_REPO_USE_HTTP === 'true',
          },
          rest,
          io,
        );
      } finally {
        await services.close();
      }
    },
  };
}
