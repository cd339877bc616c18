/** `chartdesk index <repo|url|file> [--json] [--search Q]`: the charts of an index or a registry namespace. */
import { promises as fs } from 'node:fs';
import { describeAge } from '../../core/index/fetch-fallback';
import type { ChartList, SearchResult } from '../../core/index/query-types';
import { ChartDeskError } from '../../core/errors';
import { UsageError, type CommandRunner, type CliIo } from '../command';
import { looksLikeUrl } from '../stored-repo';
import { safeLine } from '../terminal-text';
import { CHART_NETWORK_OPTIONS, parseCommandArgs } from '../url-repo';
import { readLocalIndex } from '../local-index';
import { chartTable } from './index-command-format';

/** What print needs of an index or a chart source. */
interface Listing {
  search(query: string, limit: number): SearchResult | Promise<SearchResult>;
  list(page: { offset: number; limit: number }): ChartList | Promise<ChartList>;
}

/** Prints the list or the search results of a loaded index or a chart source. */
async function print(io: CliIo, index: Listing, summary: Record<string, unknown>, search: string | undefined, limit: number | undefined, json: boolean): Promise<void> {
  if (search !== undefined) {
    const result = await index.search(search, limit ?? 50);
    if (json) io.stdout(`${JSON.stringify({ index: summary, ...result }, null, 2)}\n`);
    else if (result.hits.length === 0) io.stderr(`No chart matches "${safeLine(search)}".\n`);
    else io.stdout(chartTable(result.hits.map((hit) => hit.chart)));
    return;
  }
  const list = await index.list({ offset: 0, limit: limit ?? 100_000 });
  if (json) io.stdout(`${JSON.stringify({ index: summary, charts: list.items }, null, 2)}\n`);
  else io.stdout(chartTable(list.items));
}

/** "1 chart", "2 charts". */
function counted(count: number, noun: string): string {
  return `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;
}

/** True when the argument names an existing local file (and is not a URL). */
async function isLocalFile(arg: string): Promise<boolean> {
  if (looksLikeUrl(arg)) return false;
  return (await fs.stat(arg).catch(() => undefined))?.isFile() === true;
}

/** Runs `chartdesk index` (help: help/charts.ts). */
export const runIndex: CommandRunner = async (services, io) => {
  const { values, positionals } = parseCommandArgs(io.argv, { ...CHART_NETWORK_OPTIONS, json: { type: 'boolean', default: false }, search: { type: 'string' }, limit: { type: 'string' } });
  const [source, ...extra] = positionals;
  if (!source || extra.length) throw new UsageError('index needs one repo name, repo URL or index file');
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new UsageError('--limit must be a positive whole number');
  const json = values.json === true;
  if (await isLocalFile(source)) {
    const index = await readLocalIndex(source);
    const info = index.info();
    if (!json) io.stderr(`${safeLine(source)}: ${counted(info.chartCount, 'chart')}, ${counted(info.versionCount, 'version')}${info.warningCount ? `, ${counted(info.warningCount, 'warning')}` : ''}.\n`);
    await print(io, index, { file: source, ...info }, values.search, limit, json);
    return 0;
  }
  try {
    const { openChartTarget } = await import('../chart-cli');
    const { target, source: charts } = await openChartTarget(services, io.env, source, values).catch((error: unknown) => {
      // A path-like argument that is neither a file nor a stored repo most likely meant a file.
      if (error instanceof ChartDeskError && error.step === 'find-repo' && /[\\/]|\.(ya?ml|json)$/i.test(source)) {
        throw new ChartDeskError('not-found', 'read-file', `There is no index file at ${safeLine(source.slice(0, 200))}, and no stored repo by that name.`);
      }
      throw error;
    });
    await charts.open(false);
    // A registry lists its first page at once and reads the rest after; the CLI prints all of it.
    await charts.complete();
    const summary = await charts.open(false);
    if (!json) {
      const where = summary.offline ? ` (OFFLINE copy from ${describeAge(summary.ageMs)})` : '';
      io.stderr(`${safeLine(target.label)}: ${counted(summary.chartCount, 'chart')}, ${counted(summary.versionCount, 'version')}${where}.\n`);
      if (summary.offlineReason) io.stderr(`${safeLine(summary.offlineReason)}\n`);
      if (summary.discovery !== 'index' && summary.discoveryNote) io.stderr(`${safeLine(summary.discoveryNote)}\n`);
    }
    await print(io, charts, summary, values.search, limit, json);
    return 0;
  } finally {
    await services.close();
  }
};
