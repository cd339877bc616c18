/** `chartdesk repos …`: the repo list and its credentials from the command line. */
import os from 'node:os';
import { helmRepositoryConfigPath } from '../../core/helm/repositories-path';
import { registryAuthFiles } from '../../core/oci/registry-auth-paths';
import { openChartTarget } from '../chart-cli';
import { reposAddChart, reposRemoveChart } from './repos-charts';
import { reposImportRegistryAuth } from './repos-import-registry-auth';
import { UsageError, type CommandRunner } from '../command';
import type { ReposSubcommand } from './repos-context';
import { reposAdd } from './repos-add';
import { reposExport } from './repos-export';
import { reposImportHelm } from './repos-import-helm';
import { reposList } from './repos-list';
import { reposRemove } from './repos-remove';
import { reposClearSecret, reposSetSecret } from './repos-secret';
import { reposTest } from './repos-test';
import { reposExportAll, reposImportAll } from './repos-transfer';
import { reposInstallHelper, reposUseHelper } from './repos-helper';
import { cliCredentialHelper } from '../credential-helper/cli-helper-service';
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
  'use-helper': reposUseHelper,
  'install-helper': reposInstallHelper,
};

/** Runs `chartdesk repos` (help: help/repos.ts). */
export const runRepos: CommandRunner = async (services, io) => {
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
        repos: await services.repos(env),
        flow: () => services.flow(env),
        transfer: () => services.transfer(env),
        credentialHelper: () => cliCredentialHelper(services, env),
        registryAuthFiles: registryAuthFiles(env, process.platform, os.homedir()),
        source: async (name) => (await openChartTarget(services, env, name, {})).source,
        helmRepositoryConfig: helmRepositoryConfigPath(env, process.platform, os.homedir()),
        cmUsesHttp: env.HELM_REPO_USE_HTTP === 'true',
      },
      rest,
      io,
    );
  } finally {
    await services.close();
  }
};
