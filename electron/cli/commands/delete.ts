/** `chartdesk delete <repo|url> <chart> <version>`: deletes one chart version through ChartMuseum's API. */
import { UsageError, type CommandRunner } from '../command';
import { safeLine } from '../terminal-text';
import { openChartTarget } from '../chart-cli';
import { CHART_NETWORK_OPTIONS, parseCommandArgs } from '../url-repo';


/** Runs `chartdesk delete` (help: help/charts.ts). */
export const runDelete: CommandRunner = async (services, io) => {
  const { values, positionals } = parseCommandArgs(io.argv, CHART_NETWORK_OPTIONS);
  const [repoArg, chart, version, ...extra] = positionals;
  if (!repoArg || !chart || !version || extra.length) throw new UsageError('delete needs a repo (name or URL), a chart name and a version');
  try {
    const { target, source } = await openChartTarget(services, io.env, repoArg, values);
    const result = await source.remove(chart, version);
    io.stdout(`Deleted ${safeLine(`${chart} ${version}`)}${result.digest ? ` (manifest ${safeLine(result.digest)})` : ''} from ${safeLine(target.label)}.\n`);
    return 0;
  } finally {
    await services.close();
  }
};
