/** Opens a repo's index through the core, following its download progress; refresh asks the server again. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import type { IndexSummary } from './types';

/** How far the index download has come (from the indexProgress event). */
export interface IndexLoadProgress {
  phase: 'download' | 'parse' | 'done';
  receivedBytes: number;
  totalBytes?: number;
  /** A registry: charts read of charts found. */
  charts?: { done: number; total: number };
}

/** The index as the Charts tab sees it: the last summary, whether a load runs, and the last failure. */
export interface ChartIndexState {
  summary?: IndexSummary;
  loading: boolean;
  progress?: IndexLoadProgress;
  error?: Error;
  /** Bumps each time a load finishes, so lists know to ask again. */
  generation: number;
}

/**
 * Opens the index of `repoId` once on mount (the Charts tab remounts per repo); `refresh()` re-fetches
 * with a conditional request. Answers of superseded loads are dropped.
 */
export function useChartIndex(repoId: string): [ChartIndexState, () => Promise<void>] {
  const [state, setState] = useState<ChartIndexState>({ loading: true, generation: 0 });
  const ticket = useRef(0);

  const run = useCallback(
    async (refresh: boolean, stop?: { cancelled: boolean }) => {
      const mine = ++ticket.current;
      const stale = () => mine !== ticket.current || stop?.cancelled === true;
      try {
        const summary = await api.openIndex({ repoId, refresh });
        if (stale()) return;
        setState((s) => ({ summary, loading: false, generation: s.generation + 1 }));
      } catch (error) {
        if (stale()) return;
        setState((s) => ({ ...s, loading: false, progress: undefined, error: error instanceof Error ? error : new Error(String(error)) }));
      }
    },
    [repoId],
  );

  useEffect(() => {
    const stop = { cancelled: false };
    void run(false, stop);
    return () => {
      stop.cancelled = true;
    };
  }, [run]);

  useEffect(
    () =>
      api.onIndexProgress((event) => {
        if (event.repoId !== repoId) return;
        setState((s) => (s.loading ? { ...s, progress: { phase: event.phase, receivedBytes: event.receivedBytes, totalBytes: event.totalBytes, ...(event.charts ? { charts: event.charts } : {}) } } : s));
      }),
    [repoId],
  );

  // A registry reads its charts after the first page: when the rest has arrived, list again.
  useEffect(
    () =>
      api.onIndexChanged((event) => {
        if (event.repoId === repoId) void run(false);
      }),
    [repoId, run],
  );

  const refresh = useCallback(() => {
    setState((s) => ({ ...s, loading: true, progress: undefined, error: undefined }));
    return run(true);
  }, [run]);
  return [state, refresh];
}
