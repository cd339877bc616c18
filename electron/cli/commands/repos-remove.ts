/** `chartdesk repos remove <name>`: removes a repo and its stored secret. */
import { UsageError } from '../command';
import { parseArgs } from './repos-args';
import type { ReposSubcommand } from './repos-context';

/** Removes the named repo. */
export const reposRemove: ReposSubcommand = async ({ repos }, argv, io) => {
  const [name, ...extra] = parseArgs(argv, [], []).positionals;
  if (!name || extra.length) throw new UsageError('repos remove needs exactly one repo name.');
  const repo = await repos.byName(name);
  await repos.remove(repo.id);
  io.stdout(`Removed ${repo.name}${repo.hasSecret ? ' and its stored secret' : ''}.\n`);
  return 0;
};
