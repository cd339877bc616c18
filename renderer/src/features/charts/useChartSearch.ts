/** Asks the core to search the index as the user types: debounced, and only the newest answer counts. */
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { SearchResult } from './types';

const DEBOUNCE_MS = 60;
const LIMIT = 500;

/** The search answer for the current query, or why there is none. */
export type ChartSearchState =
  | { status: 'off' }
  | { status: 'searching'; previous?: SearchResult }
  | { status: 'ready'; result: SearchResult }
  | { status: 'error'; error: Error };

/** Searches `query` (trimmed) in the open index; an empty query turns searching off. */
export function useChartSearch(repoId: string, query: string, generation: number): ChartSearchState {
  const trimmed = query.trim();
  const [answer, setAnswer] = useState<{ key: string; state: ChartSearchState }>();
  const key = `${generation}\n${trimmed}`;
  useEffect(() => {
    if (!trimmed || generation === 0) return;
    let current = true;
    const timer = setTimeout(() => {
      api.searchCharts({ repoId, query: trimmed, limit: LIMIT }).then(
        (result) => current && setAnswer({ key, state: { status: 'ready', result } }),
        (error: unknown) => current && setAnswer({ key, state: { status: 'error', error: error instanceof Error ? error : new Error(String(error)) } }),
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [repoId, trimmed, generation, key]);
  if (!trimmed) return { status: 'off' };
  if (answer?.key === key) return answer.state;
  return { status: 'searching', ...(answer?.state.status === 'ready' ? { previous: answer.state.result } : {}) };
}
