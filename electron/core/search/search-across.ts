/**
 * One search over several repos' chart summaries: each repo ranked exactly as its own search
 * ranks it (the index engine's SearchIndex), grouped by repo, the group with the best hit first.
 * A plain function over (repo, summaries): the app's search palette and the CLI both use it.
 */
import { SearchIndex } from '../index/query-search';
import type { ChartSummary, SearchHit } from '../index/query-types';

/** One repo's charts to search, with whatever the caller wants back about the repo. */
export interface RepoCharts<R> {
  repo: R;
  summaries: readonly ChartSummary[];
}

/** One repo's hits. */
export interface RepoHits<R> {
  repo: R;
  /** Every hit of the repo. */
  total: number;
  /** The best `limitPerRepo` hits, best first. */
  hits: SearchHit[];
}

/** Search structures built once per summaries list (the lists the sources hand out are kept as long as their index). */
const built = new WeakMap<readonly ChartSummary[], SearchIndex>();

function indexOf(summaries: readonly ChartSummary[]): SearchIndex {
  let index = built.get(summaries);
  if (!index) {
    index = new SearchIndex(summaries);
    built.set(summaries, index);
  }
  return index;
}

/**
 * The repos with hits for `query`, best group first (ties keep the given order); a blank query
 * has no hits. Scores are comparable across repos: the same query scores the same chart alike.
 */
export function searchAcross<R>(sets: readonly RepoCharts<R>[], query: string, limitPerRepo = 20): RepoHits<R>[] {
  if (!query.trim()) return [];
  const groups: { group: RepoHits<R>; best: number; order: number }[] = [];
  sets.forEach((set, order) => {
    const hits = indexOf(set.summaries).search(query);
    if (hits.length === 0) return;
    groups.push({ group: { repo: set.repo, total: hits.length, hits: hits.slice(0, Math.max(0, limitPerRepo)) }, best: hits[0]?.score ?? 0, order });
  });
  groups.sort((a, b) => b.best - a.best || a.order - b.order);
  return groups.map((g) => g.group);
}
