/** `chartdesk repos export <name>`: the helm commands that use a repo, without any secret. */
import { exportRepoCommands } from '../../core/helm/export-commands';
import { UsageError } from '../command';
import { parseArgs } from './repos-args';
import type { ReposSubcommand } from './repos-context';

/** Prints `helm repo add …` (or the cm:// and HELM_REPO_ACCESS_TOKEN form). */
export const reposExport: ReposSubcommand = async ({ repos }, argv, io) => {
  const [name, ...extra] = parseArgs(argv, [], []).positionals;
  if (!name || extra.length) throw new UsageError('repos export needs exactly one repo name.');
  io.stdout(exportRepoCommands(await repos.byName(name)).script);
  return 0;
};
