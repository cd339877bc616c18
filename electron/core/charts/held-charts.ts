/** The charts of an HTTP repo at hand without the network: its open index, else its offline copy (parsed once). */
import { indexUrlOf } from './chart-url';
import type { CachedCharts } from './chart-source';
import type { IndexSessions, ParseIndex } from './index-sessions';
import type { RepoRecord } from '../context';
import type { ReadOfflineSummaries } from '../index/offline-summaries';
import type { ChartIndex } from '../index/query-index';
import type { ChartSummary } from '../index/query-types';

/** What the look-up needs. */
export interface HeldChartsDeps {
  sessions: Pick<IndexSessions, 'held'>;
  offline: ReadOfflineSummaries;
  parse: ParseIndex;
}

/** Every summary of an index (the list is capped far above any real repo). */
function allSummaries(index: ChartIndex): readonly ChartSummary[] {
  return index.list({ offset: 0, limit: 100_000 }).items;
}

/** Creates the look-up; lists of open indexes are kept as long as their index, so searches reuse them. */
export function createHeldCharts(deps: HeldChartsDeps): (repo: RepoRecord) => Promise<CachedCharts | undefined> {
  const lists = new WeakMap<ChartIndex, readonly ChartSummary[]>();
  return async (repo) => {
    const held = deps.sessions.held(repo.id);
    if (held && held.repo.url === repo.url) {
      let summaries = lists.get(held.index);
      if (!summaries) {
        summaries = allSummaries(held.index);
        lists.set(held.index, summaries);
      }
      return { summaries, from: held.fetched.source === 'offline' ? 'offline' : 'open', fetchedAt: held.fetched.fetchedAt, open: true };
    }
    const copy = await deps.offline(repo.id, indexUrlOf(repo.url), async (bytes) => allSummaries(await deps.parse(bytes)));
    return copy ? { summaries: copy.summaries, from: 'offline', fetchedAt: copy.checkedAt, open: false } : undefined;
  };
}
