/**
 * Ranked search over the charts of several repos at once ("search all repos", `helm search repo`):
 * a plain function over chart summaries, with the same ranking as one index's search (exact name,
 * name prefix, name part, keyword, description). Used by `chartdesk search`; the app's search palette
 * uses the same searchAcross, grouped by repo.
 */
import { parseChartSemver } from './semver-masterminds';
import { searchAcross } from '../search/search-across';
import type { ChartSummary, SearchField } from './query-types';

/** The charts of one repo, as its loaded index lists them. */
export interface RepoChartList {
  /** The repo's name (how results name it). */
  repo: string;
  charts: readonly ChartSummary[];
}

/** One hit: which repo, which chart, how well it matched. */
export interface RepoSearchHit {
  repo: string;
  chart: ChartSummary;
  /** 0 when the query was empty (every chart listed). */
  score: number;
  matched: SearchField[];
}

/** Best first; ties by chart name, then repo name (the order the repos were given breaks none). */
function byRank(a: RepoSearchHit, b: RepoSearchHit): number {
  return b.score - a.score || compare(a.chart.name, b.chart.name) || compare(a.repo, b.repo);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Every chart of every repo matching `query` (all words must match), best first: the app's
 * grouped search (searchAcross) flattened, as `helm search repo` lists it. An empty query lists
 * every chart, by name.
 */
export function searchRepos(query: string, repos: readonly RepoChartList[]): RepoSearchHit[] {
  if (query.trim() === '') return repos.flatMap(({ repo, charts }) => charts.map((chart) => ({ repo, chart, score: 0, matched: [] }))).sort(byRank);
  return searchAcross(repos.map(({ repo, charts }) => ({ repo, summaries: charts })), query, Number.POSITIVE_INFINITY)
    .flatMap((group) => group.hits.map((h) => ({ repo: group.repo, chart: h.chart, score: h.score, matched: h.matched })))
    .sort(byRank);
}

/** True when Helm would call `version` a pre-release (1.0.0-rc.1); versions it cannot parse are not. */
export function isPrerelease(version: string): boolean {
  return (parseChartSemver(version)?.prerelease.length ?? 0) > 0;
}
