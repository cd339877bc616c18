/**
 * Asks the core to search the index as the user types. The first keystroke is sent at once; while
 * a search runs, later keystrokes wait for it and only the newest query is sent next, so results
 * follow typing by one round trip and never pile up. Only the newest answer counts.
 */
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import type { SearchResult } from './types';

const LIMIT = 500;

/** The search answer for the current query, or why there is none. */
export type ChartSearchState =
  | { status: 'off' }
  | { status: 'searching'; previous?: SearchResult }
  | { status: 'ready'; result: SearchResult }
  | { status: 'error'; error: Error };

/** One query to answer: `key` tells answers for different index generations apart. */
interface Wanted {
  key: string;
  repoId: string;
  query: string;
}

/** Searches `query` (trimmed) in the open index; an empty query turns searching off. */
export function useChartSearch(repoId: string, query: string, generation: number): ChartSearchState {
  const trimmed = query.trim();
  const [answer, setAnswer] = useState<{ key: string; state: ChartSearchState }>();
  const key = `${generation}\n${trimmed}`;
  const wanted = useRef<Wanted | undefined>(undefined);
  const running = useRef(false);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    wanted.current = trimmed && generation > 0 ? { key, repoId, query: trimmed } : undefined;
    if (running.current || !wanted.current) return;
    const send = (next: Wanted): void => {
      running.current = true;
      const settle = (state: ChartSearchState) => {
        running.current = false;
        if (!mounted.current) return;
        setAnswer({ key: next.key, state });
        // Typed on while this ran: ask for the newest query now.
        const newest = wanted.current;
        if (newest && newest.key !== next.key) send(newest);
      };
      api.searchCharts({ repoId: next.repoId, query: next.query, limit: LIMIT }).then(
        (result) => settle({ status: 'ready', result }),
        (error: unknown) => settle({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
      );
    };
    send(wanted.current);
  }, [repoId, trimmed, generation, key]);

  if (!trimmed) return { status: 'off' };
  if (answer?.key === key) return answer.state;
  return { status: 'searching', ...(answer?.state.status === 'ready' ? { previous: answer.state.result } : {}) };
}
