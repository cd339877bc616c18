/** Help of the chart commands: index, pull, push, delete. */
import { CHART_NETWORK_USAGE, exitCodes, type CommandHelp } from './common';

/** `chartdesk index`. */
export const INDEX_HELP: CommandHelp = {
  name: 'index',
  summary: 'List or search the charts of a repo index (repo, URL or local file)',
  usage: `Usage: chartdesk index <repo|url|file> [--json] [--search Q]

Prints the charts of a repo's index.yaml (a stored repo by name, a repo URL, or a local index file,
YAML or JSON). When the repo cannot be reached, its offline copy is used and said so on stderr.

Options:
  --search Q            Only charts matching Q (name, keywords, description), best first
  --limit N             At most N charts or hits (default: all charts, 50 hits)
  --json                Print JSON: { index, charts } or { index, query, total, hits }
${CHART_NETWORK_USAGE}

${exitCodes('the index could not be had (neither from the repo nor its offline copy) or is not valid')}
`,
};

/** `chartdesk pull`. */
export const PULL_HELP: CommandHelp = {
  name: 'pull',
  summary: 'Download a chart package (.tgz), verified against the index digest',
  usage: `Usage: chartdesk pull <repo|url> <chart> [--version V] [-d DIR]

Downloads a chart package and checks its sha256 against the repo index; a package that does not
match is not written. Saves <chart>-<version>.tgz (written atomically) in DIR.

Options:
  --version V           The version to pull (default: the latest stable version)
  -d, --destination DIR Folder to save into (default: the current folder; created if missing)
${CHART_NETWORK_USAGE}

${exitCodes('nothing was saved: no such chart or version, a failed download, or a digest mismatch')}
`,
};

/** `chartdesk push`. */
export const PUSH_HELP: CommandHelp = {
  name: 'push',
  summary: 'Upload a chart package (.tgz) to a ChartMuseum repo',
  usage: `Usage: chartdesk push <repo|url> <file.tgz> [--force]

Uploads a chart package to a ChartMuseum repo (POST /api/.../charts) with a pull,push token.
The package is read first: a broken or unsafe chart is refused before anything is sent.

Options:
  --force               Replace the version if the repo already has it
${CHART_NETWORK_USAGE}

${exitCodes('not uploaded: the package is broken, the version exists (without --force), or the repo refused it')}
`,
};

/** `chartdesk delete`. */
export const DELETE_HELP: CommandHelp = {
  name: 'delete',
  summary: 'Delete a chart version from a ChartMuseum repo',
  usage: `Usage: chartdesk delete <repo|url> <chart> <version>

Deletes one version of a chart from a ChartMuseum repo (DELETE /api/.../charts/<chart>/<version>)
with a pull,push token. There is no undo.

Options:
${CHART_NETWORK_USAGE}

${exitCodes('nothing was deleted: no such version, or the repo refused')}
`,
};
