/** The `-o/--output table|text|json|yaml` and `--json` options of show and search, and how each format prints. */
import { UsageError } from './command';

/** An output format: text for people (table or plain), or exact data for scripts. */
export type OutputFormat = 'text' | 'json' | 'yaml';

/** The option definitions, for node:util parseArgs. */
export const OUTPUT_OPTIONS = {
  output: { type: 'string', short: 'o' },
  json: { type: 'boolean', default: false },
} as const;

/** The format asked for; `yamlAllowed` says whether this command (or target) prints YAML. */
export function outputFormat(values: { output?: string | undefined; json?: boolean | undefined }, yamlAllowed: boolean): OutputFormat {
  const asked = values.output?.toLowerCase();
  if (values.json === true && asked !== undefined && asked !== 'json') throw new UsageError(`give --json or --output ${asked}, not both`);
  if (values.json === true || asked === 'json') return 'json';
  if (asked === undefined || asked === 'table' || asked === 'text') return 'text';
  if (asked === 'yaml') {
    if (!yamlAllowed) throw new UsageError('--output yaml is not available here (use text or json)');
    return 'yaml';
  }
  throw new UsageError(`--output must be table, json or yaml, not "${asked.slice(0, 40)}"`);
}

/** Exact JSON for scripts, pretty-printed, one document per run. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Text that ends with exactly one line break (empty text stays empty). */
export function withFinalNewline(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}
