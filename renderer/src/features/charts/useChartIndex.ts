/** Opens a repo's index through the core, following its download progress; refresh asks the server again. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { takeEarlyIndexOpen } from './earlyIndexOpen';
import type { ChartSummary, IndexSummary } from './types';

/** How far the index download has come (from the indexProgress event). */
export interface IndexLoadProgress {
  phase: 'download' | 'parse' | 'done';
  receivedBytes: number;
  totalBytes?: number;
  /** A registry: charts read of charts found. */
  charts?: { done: number; total: number };
  /** The index's first charts, shown while the rest is read. */
  preview?: ChartSummary[];
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
 * Opens the index of `repoId` once on mount (the Charts tab remounts per repo), taking over an open
 * started early; `refresh()` re-fetches with a conditional request, and a 304 for the index already
 * shown leaves the list as it is. Answers of superseded loads are dropped.
 */
export function useChartIndex(repoId: string): [ChartIndexState, () => Promise<void>] {
  const [state, setState] = useState<ChartIndexState>({ loading: true, generation: 0 });
  const ticket = useRef(0);

  const run = useCallback(
    async (refresh: boolean, stop?: { cancelled: boolean }) => {
      const mine = ++ticket.current;
      const stale = () => mine !== ticket.current || stop?.cancelled === true;
      try {
        const summary = await ((refresh ? undefined : takeEarlyIndexOpen(repoId)) ?? api.openIndex({ repoId, refresh }));
        if (stale()) return;
        // Confirmed unchanged: same charts, so the lists need not ask again.
        setState((s) => ({ summary, loading: false, generation: summary.unchanged && s.generation > 0 ? s.generation : s.generation + 1 }));
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
        setState((s) => {
          if (!s.loading) return s;
          // A preview stays shown through the events that follow it, until the load ends.
          const preview = event.preview ?? s.progress?.preview;
          return { ...s, progress: { phase: event.phase, receivedBytes: event.receivedBytes, totalBytes: event.totalBytes, ...(event.charts ? { charts: event.charts } : {}), ...(preview ? { preview } : {}) } };
        });
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
