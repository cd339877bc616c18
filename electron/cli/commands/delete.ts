/** `chartdesk delete <repo|url> <chart> <version>`: deletes one chart version through ChartMuseum's API. */
import { UsageError, type CliCommand } from '../command';
import { CHART_NETWORK_OPTIONS, CHART_NETWORK_USAGE, openChartTarget } from '../chart-cli';
import type { CliServices } from '../services';
import { parseCommandArgs } from '../url-repo';

const USAGE = `Usage: chartdesk delete <repo|url> <chart> <version>

Deletes one version of a chart with a pull,push token: from a ChartMuseum repo
(DELETE /api/.../charts/<chart>/<version>), or from an OCI registry (DELETE of the version's
manifest by digest; registries with deletes disabled say so). There is no undo.

Options:
${CHART_NETWORK_USAGE}
`;

/** The delete command over the CLI's services. */
export function deleteCommand(services: CliServices): CliCommand {
  return {
    name: 'delete',
    summary: 'Delete a chart version from a ChartMuseum repo or an OCI registry',
    usage: USAGE,
    async run(io) {
      const { values, positionals } = parseCommandArgs(io.argv, CHART_NETWORK_OPTIONS);
      const [repoArg, chart, version, ...extra] = positionals;
      if (!repoArg || !chart || !version || extra.length) throw new UsageError('delete needs a repo (name or URL), a chart name and a version');
      try {
        const { target, source } = await openChartTarget(services, io.env, repoArg, values);
        const result = await source.remove(chart, version);
        io.stdout(`Deleted ${chart} ${version}${result.digest ? ` (manifest ${result.digest})` : ''} from ${target.label}.\n`);
        return 0;
      } finally {
        await services.close();
      }
    },
  };
}
