/** Each repo's chart-list filters and sort, kept for the session (the Charts tab remounts per repo). */
import { useCallback, useState } from 'react';
import { DEFAULT_FILTERS, type ChartFilters } from './chart-filters';

const kept = new Map<string, ChartFilters>();

/** The repo's filters and a setter that keeps them. */
export function useChartFilters(repoId: string): [ChartFilters, (changes: Partial<ChartFilters>) => void] {
  const [filters, setFilters] = useState<ChartFilters>(() => kept.get(repoId) ?? DEFAULT_FILTERS);
  const change = useCallback(
    (changes: Partial<ChartFilters>) =>
      setFilters((current) => {
        const next = { ...current, ...changes };
        kept.set(repoId, next);
        return next;
      }),
    [repoId],
  );
  return [filters, change];
}
