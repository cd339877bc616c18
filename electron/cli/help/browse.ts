/** Help of the commands that read charts like `helm show` and `helm search repo` do: show, search. */
import { CHART_NETWORK_USAGE, exitCodes, type CommandHelp } from './common';

/** What `chartdesk show` can print. */
export const SHOW_TARGETS = ['chart', 'values', 'readme', 'versions', 'files', 'manifest'] as const;

const TERMINAL_NOTE = `Text output is made safe for your terminal: control characters and escape sequences in what the
repo sent are printed escaped (ESC as \\x1b), never passed through. --json and --output yaml are exact.`;

/** \`chartdesk show\`. */
export const SHOW_HELP: CommandHelp = {
  name: 'show',
  summary: 'Show a chart’s Chart.yaml, values, README, versions, files or OCI manifest (like helm show)',
  usage: `Usage: chartdesk show <repo|url> <chart> [chart|values|readme|versions|files|manifest] [options]

Prints one part of a chart, as \`helm show\` does. chart, values, readme and files come from the
chart's package, downloaded and checked against the index's sha256 as \`chartdesk pull\` does
(verified packages are cached by digest); versions comes from the index alone.
  chart      Chart.yaml (the default)
  values     values.yaml
  readme     the chart's README
  versions   every version, newest first: version, app version, created, digest, deprecated
  files      the files in the package with their sizes
  manifest   OCI registries: the version's manifest (digest, config, layers and what Helm makes of
             them, annotations) and the helm pull commands by tag and by digest
When the repo cannot be reached, its offline index copy is used and said so on stderr.

Options:
  --version V           The version to show (default: the latest stable one; for versions: only V)
  -o, --output F        text (default), json, or yaml (chart and values: the file exactly as packaged)
  --json                Same as --output json
${CHART_NETWORK_USAGE}

${TERMINAL_NOTE}

${exitCodes('no such repo, chart, version or README; the package failed its digest check; or the repo could not be read')}
`,
};

/** \`chartdesk search\`. */
export const SEARCH_HELP: CommandHelp = {
  name: 'search',
  summary: 'Search the charts of every stored repo (like helm search repo)',
  usage: `Usage: chartdesk search [query] [--repo R]... [--versions] [--devel] [options]

Searches the indexes of every stored repo (or only the --repo ones), best match first: the chart
name (exact, then prefix, then part of it) beats a keyword, which beats the description; every word
of the query must match. Each chart shows its latest stable version, as \`helm search repo\` does.
Without a query every chart is listed. A repo that cannot be reached is searched in its offline
copy, and a repo that cannot be read at all is skipped; stderr says which.

Options:
  --repo R              Search only this repo (a stored repo's name or a repo URL); repeat for more
  --versions            One line per version, newest first, instead of one per chart
  --devel               Count pre-release versions (1.0.0-rc.1) too; without it, charts that only
                        have pre-releases are left out
  -o, --output F        table (default), json or yaml
  --json                Same as --output json
${CHART_NETWORK_USAGE}

${TERMINAL_NOTE}

${exitCodes('no repo could be read (there are none, or all failed with no offline copy)', ['finding nothing is not a failure: exit 0, with a note on stderr'])}
`,
};
