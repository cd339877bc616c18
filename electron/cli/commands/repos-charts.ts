/** `chartdesk repos add-chart|remove-chart <repo> <chart>`: the named charts of a registry repo. */
import { UsageError } from '../command';
import { parseArgs } from './repos-args';
import type { ReposSubcommand } from './repos-context';

/** Adds a chart by name (or full oci:// URL) to a registry repo that does not list its repositories. */
export const reposAddChart: ReposSubcommand = async ({ repos }, argv, io) => {
  const [name, chart, ...extra] = parseArgs(argv, [], []).positionals;
  if (!name || !chart || extra.length) throw new UsageError('repos add-chart needs a repo name and a chart (a name, or oci://host/namespace/chart).');
  const repo = await repos.addNamedChart((await repos.byName(name)).id, chart);
  io.stdout(`${repo.name} now lists ${repo.charts.length} named ${repo.charts.length === 1 ? 'chart' : 'charts'}: ${repo.charts.join(', ')}.\n`);
  return 0;
};

/** Removes a chart from a registry repo's list. */
export const reposRemoveChart: ReposSubcommand = async ({ repos }, argv, io) => {
  const [name, chart, ...extra] = parseArgs(argv, [], []).positionals;
  if (!name || !chart || extra.length) throw new UsageError('repos remove-chart needs a repo name and a chart name.');
  const repo = await repos.removeNamedChart((await repos.byName(name)).id, chart);
  io.stdout(`Removed ${chart} from ${repo.name}.\n`);
  return 0;
};
