/** `chartdesk search [query] [--repo R]... [--versions] [--devel]`: ranked search over every stored repo, like `helm search repo`. */
import { stringify } from 'yaml';
import { ChartDeskError } from '../../core/errors';
import type { ChartSummary } from '../../core/index/query-types';
import { isPrerelease, searchRepos, type RepoSearchHit } from '../../core/index/search-repos';
import { repoCharts, storedRepoNames, type RepoCharts } from '../chart-queries';
import { UsageError, type CliIo, type CommandRunner } from '../command';
import { jsonText, OUTPUT_OPTIONS, outputFormat } from '../output-format';
import { safeLine } from '../terminal-text';
import { CHART_NETWORK_OPTIONS, parseCommandArgs, type NetworkFlags } from '../url-repo';
import type { CliServices } from '../services';
import { searchData, searchTable, type SearchedRepo, type SearchRow } from './search-format';

/** Repos read at once. */
const PARALLEL = 4;

interface LoadedRepo {
  repo: RepoCharts;
  charts: readonly ChartSummary[];
}

/** Opens each repo's index (offline copy when unreachable), a few at a time; failures are reported and skipped. */
async function loadRepos(services: CliServices, io: CliIo, names: readonly string[], flags: NetworkFlags): Promise<{ loaded: LoadedRepo[]; report: SearchedRepo[] }> {
  const results: Array<{ loaded?: LoadedRepo; report: SearchedRepo }> = new Array(names.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < names.length; i = next++) {
      const name = names[i] as string;
      try {
        const repo = await repoCharts(services, io.env, name, flags);
        const facts = await repo.open();
        if (facts.offline) io.stderr(`chartdesk search: ${safeLine(repo.label)}: ${safeLine(facts.offlineReason ?? 'using its offline copy')}\n`);
        results[i] = { loaded: { repo, charts: await repo.charts() }, report: { name: repo.label, offline: facts.offline } };
      } catch (error) {
        // A --repo that names no stored repo is a mistake on the command line, not a repo to skip.
        if (error instanceof UsageError) throw error;
        if (error instanceof ChartDeskError && error.step === 'find-repo') throw new UsageError(`${error.message} ${error.hint ?? ''}`.trim());
        const message = error instanceof ChartDeskError ? error.message : 'it could not be read';
        io.stderr(`chartdesk search: skipped ${safeLine(name)}: ${safeLine(message)}\n`);
        results[i] = { report: { name, offline: false, error: message } };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, names.length) }, worker));
  return { loaded: results.flatMap((r) => (r.loaded ? [r.loaded] : [])), report: results.map((r) => r.report) };
}

/** The rows of the hits: each chart's latest stable version, its newest (--devel), or every version (--versions). */
async function rowsOf(hits: readonly RepoSearchHit[], byLabel: Map<string, RepoCharts>, options: { versions: boolean; devel: boolean }): Promise<SearchRow[]> {
  const rows: SearchRow[] = [];
  for (const hit of hits) {
    const base = { repo: hit.repo, name: hit.chart.name, score: hit.score, matched: hit.matched };
    if (!options.versions && !options.devel) {
      // The summary's latest is the newest stable version, or a pre-release when there is nothing else.
      if (isPrerelease(hit.chart.latestVersion)) continue;
      rows.push({ ...base, version: hit.chart.latestVersion, deprecated: hit.chart.deprecated, ...optional(hit.chart) });
      continue;
    }
    const all = (await byLabel.get(hit.repo)?.versions(hit.chart.name)) ?? [];
    const wanted = options.devel ? all : all.filter((v) => !v.prerelease);
    for (const v of options.versions ? wanted : wanted.slice(0, 1)) rows.push({ ...base, version: v.version, deprecated: v.deprecated, ...optional(v) });
  }
  return rows;
}

function optional(v: { appVersion?: string | undefined; description?: string | undefined }): { appVersion?: string; description?: string } {
  return { ...(v.appVersion !== undefined ? { appVersion: v.appVersion } : {}), ...(v.description !== undefined ? { description: v.description } : {}) };
}

/** Runs `chartdesk search` (help: help/browse.ts). */
export const runSearch: CommandRunner = async (services, io) => {
  const { values, positionals } = parseCommandArgs(io.argv, {
    ...CHART_NETWORK_OPTIONS,
    ...OUTPUT_OPTIONS,
    repo: { type: 'string', multiple: true },
    versions: { type: 'boolean', default: false },
    devel: { type: 'boolean', default: false },
  });
  const query = positionals.join(' ');
  const format = outputFormat(values, true);
  try {
    const names = values.repo?.length ? [...new Set(values.repo)] : await storedRepoNames(services, io.env);
    if (names.length === 0) throw new ChartDeskError('not-found', 'search', 'There are no stored repos to search.', { hint: 'Add one with `chartdesk repos add <name> <url>`, or name one with --repo URL.' });
    const { loaded, report } = await loadRepos(services, io, names, values);
    if (loaded.length === 0) throw new ChartDeskError('network', 'search', names.length === 1 ? "The repo could not be read, and there was no offline copy to fall back on." : `None of the ${names.length} repos could be read, and there was no offline copy to fall back on.`);
    const hits = searchRepos(query, loaded.map(({ repo, charts }) => ({ repo: repo.label, charts })));
    const rows = await rowsOf(hits, new Map(loaded.map(({ repo }) => [repo.label, repo])), { versions: values.versions === true, devel: values.devel === true });
    if (format === 'json') io.stdout(jsonText(searchData(query, rows, report)));
    else if (format === 'yaml') io.stdout(stringify(searchData(query, rows, report)));
    else if (rows.length === 0) io.stderr('No results found.\n');
    else io.stdout(searchTable(rows));
    return 0;
  } finally {
    await services.close();
  }
};
