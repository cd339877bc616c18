/** Pieces every command's help shares: the network options and the exit codes. Plain strings, cheap to load. */
import { NETWORK_USAGE } from '../url-repo';

/** A command's name, its one line for `chartdesk --help`, and its full `--help` text. */
export interface CommandHelp {
  name: string;
  summary: string;
  usage: string;
}

/** Usage lines of the network options the chart commands take (everything but --trace). */
export const CHART_NETWORK_USAGE = NETWORK_USAGE.filter((line) => !line.trimStart().startsWith('--trace')).join('\n');

/** The exit codes every command uses, for the top-level help. */
export const EXIT_CODES = [
  'Exit codes:',
  '  0  success',
  '  1  the command failed: one line on stderr names the step that failed and why',
  '  2  usage error: the command line was wrong (the command’s usage follows the message)',
].join('\n');

/** The exit-code block of one command's help: 0, then what 1 means for it, then 2. */
export function exitCodes(whenOne: string, extra: readonly string[] = []): string {
  return ['Exit codes:', '  0  success', `  1  ${whenOne}`, '  2  usage error (wrong arguments or options)', ...extra.map((line) => `     ${line}`)].join('\n');
}
