/** Loads the whole compact chart list of an open index, page by page, after each index load. */
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { ChartSummary } from './types';

const PAGE = 5000;

/** The chart list for one index generation. */
export type ChartListState =
  | { status: 'idle' }
  | { status: 'loading'; generation: number }
  | { status: 'ready'; generation: number; charts: ChartSummary[] }
  | { status: 'error'; generation: number; error: Error };

async function loadAll(repoId: string, isCurrent: () => boolean): Promise<ChartSummary[]> {
  const charts: ChartSummary[] = [];
  for (;;) {
    const page = await api.listCharts({ repoId, offset: charts.length, limit: PAGE });
    if (!isCurrent()) return charts;
    charts.push(...page.items);
    if (page.items.length === 0 || charts.length >= page.total) return charts;
  }
}

/** Lists every chart of the index once it is loaded (`generation` > 0); stale answers are dropped. */
export function useChartList(repoId: string, generation: number): ChartListState {
  const [state, setState] = useState<ChartListState>({ status: 'idle' });
  useEffect(() => {
    if (generation === 0) return;
    let current = true;
    loadAll(repoId, () => current).then(
      (charts) => current && setState({ status: 'ready', generation, charts }),
      (error: unknown) => current && setState({ status: 'error', generation, error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      current = false;
    };
  }, [repoId, generation]);
  if (generation > 0 && (state.status === 'idle' || state.generation !== generation)) {
    // Keep showing the previous list while the new one loads, so a refresh does not flash empty.
    return state.status === 'ready' ? state : { status: 'loading', generation };
  }
  return state;
}
