/** `chartdesk repos list [--json]`: the repos, in the user's order, with whether a secret is stored. */
import { parseArgs } from './repos-args';
import type { ReposSubcommand } from './repos-context';
import { formatRepoTable, keychainLine, noticeLines } from './repos-format';
import { UsageError } from '../command';

/** Prints the repo list (never a secret). */
export const reposList: ReposSubcommand = async ({ repos }, argv, io) => {
  const args = parseArgs(argv, [], ['json']);
  if (args.positionals.length) throw new UsageError('repos list takes no arguments.');
  const list = await repos.list();
  io.stderr(noticeLines(repos.notices()));
  if (args.switches.has('json')) {
    io.stdout(`${JSON.stringify(list, null, 2)}\n`);
  } else {
    io.stdout(list.length ? formatRepoTable(list) : 'No repos yet. Add one with `chartdesk repos add <name> <url>`.\n');
  }
  if (list.some((r) => r.hasSecret)) io.stderr(keychainLine(await repos.keychainStatus()));
  return 0;
};
