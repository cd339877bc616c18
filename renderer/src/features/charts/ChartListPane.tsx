import { useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ErrorBox } from '../../components/ErrorBox';
import { toProblem } from '../../components/problem';
import { EmptyState } from '../../components/States';
import { SHORTCUTS, useShortcut } from '../../hooks/useShortcut';
import { applyFilters, countFilters, filtersActive } from './chart-filters';
import { ChartList, chartRowId } from './ChartList';
import { ChartListFilters } from './ChartListFilters';
import { plural } from './format';
import { handleListKey } from './listKeys';
import { SearchBox } from './SearchBox';
import type { ChartSummary } from './types';
import { useReadmeFacts } from './readme-facts';
import { useChartFilters } from './useChartFilters';
import { useChartList } from './useChartList';
import { useChartSearch } from './useChartSearch';

const LIST_ID = 'chart-listbox';

/** Props of the list pane. */
export interface ChartListPaneProps {
  repoId: string;
  generation: number;
  selectedName?: string;
  onOpen: (name: string) => void;
  /** What to do when the repo has no charts (push them, add them by name, …). */
  emptyHint: string;
  /** The index's first charts while the rest is read (shown until the whole list is ready). */
  preview?: ChartSummary[] | undefined;
}

/** The left pane: search box and the (virtualized) list of all charts or of the search hits. */
export function ChartListPane({ repoId, generation, selectedName, onOpen, emptyHint, preview }: ChartListPaneProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  const list = useChartList(repoId, generation);
  const early = list.status !== 'ready' && preview !== undefined ? preview : undefined;
  const search = useChartSearch(repoId, query, generation);
  useShortcut(SHORTCUTS.search, () => {
    inputRef.current?.focus();
    inputRef.current?.select();
  });

  const searchResult = search.status === 'ready' ? search.result : search.status === 'searching' ? search.previous : undefined;
  const unfiltered: ChartSummary[] = useMemo(() => {
    if (search.status === 'off') return list.status === 'ready' ? list.charts : (early ?? []);
    return searchResult ? searchResult.hits.map((hit) => hit.chart) : [];
  }, [search.status, list, searchResult, early]);
  // Filters and sort (kept per repo); the counts follow them.
  const [filters, setFilters] = useChartFilters(repoId);
  const readme = useReadmeFacts(repoId);
  const charts = useMemo(() => applyFilters(unfiltered, filters, readme), [unfiltered, filters, readme]);
  const counts = useMemo(() => countFilters(unfiltered, readme), [unfiltered, readme]);
  const narrowed = filtersActive(filters) && charts.length !== unfiltered.length;

  const onQuery = useCallback((value: string) => {
    setQuery(value);
    setActive(value.trim() ? 0 : -1);
  }, []);
  const openIndex = (index: number) => {
    const chart = charts[index];
    if (chart) onOpen(chart.name);
  };
  const onSearchKey = (event: KeyboardEvent<HTMLInputElement>) => handleListKey(event, charts.length, active, setActive, openIndex, false);

  const counter =
    search.status === 'off'
      ? early
        ? `First ${plural(early.length, 'chart')}, reading the rest…`
        : list.status === 'ready'
        ? narrowed
          ? `${charts.length.toLocaleString()} of ${plural(list.charts.length, 'chart')}`
          : plural(list.charts.length, 'chart')
        : ''
      : searchResult
        ? `${searchResult.total.toLocaleString()} match${searchResult.total === 1 ? '' : 'es'}${narrowed ? `, ${charts.length.toLocaleString()} shown by the filters` : searchResult.total > charts.length ? `, first ${charts.length}` : ''}`
        : 'Searching…';

  return (
    <section className="chart-list-pane" aria-label="Charts">
      <div className="chart-list-tools">
        <SearchBox value={query} onChange={onQuery} onKeyDown={onSearchKey} inputRef={inputRef} busy={search.status === 'searching'} listId={LIST_ID} activeId={active >= 0 && active < charts.length ? chartRowId(active) : undefined} />
        <ChartListFilters filters={filters} counts={counts} searching={search.status !== 'off'} onChange={setFilters} />
        <span className="chart-list-counter muted" aria-live="polite" data-testid="chart-list-counter">
          {counter}
        </span>
      </div>
      {list.status === 'error' && (
        <ErrorBox problem={toProblem(list.error)} title="Could not list the charts" />
      )}
      {search.status === 'error' && <ErrorBox problem={toProblem(search.error)} title="The search failed" />}
      {(list.status === 'loading' || list.status === 'idle') && search.status === 'off' && !early && <ListSkeleton />}
      {list.status === 'ready' && search.status === 'off' && list.charts.length > 0 && charts.length === 0 && (
        <EmptyState title="No chart passes the filters" testId="charts-filtered-out">
          <p>Loosen a filter above to see more of the {plural(list.charts.length, 'chart')}.</p>
        </EmptyState>
      )}
      {list.status === 'ready' && search.status === 'off' && list.charts.length === 0 && (
        <EmptyState title="This repository has no charts yet" testId="charts-empty">
          <p>{emptyHint}</p>
        </EmptyState>
      )}
      {search.status === 'ready' && charts.length === 0 && unfiltered.length > 0 && (
        <EmptyState title="No match passes the filters" testId="search-filtered-out">
          <p>{plural(unfiltered.length, 'chart')} match “{query.trim()}”; loosen a filter to see them.</p>
        </EmptyState>
      )}
      {search.status === 'ready' && unfiltered.length === 0 && (
        <EmptyState title={`No chart matches “${query.trim()}”`} testId="search-empty">
          <p>Try fewer letters or a keyword; Esc clears the search.</p>
        </EmptyState>
      )}
      {charts.length > 0 && (
        <ChartList id={LIST_ID} repoId={repoId} charts={charts} label={search.status === 'off' ? 'All charts' : 'Search results'} active={active} selectedName={selectedName} onActiveChange={setActive} onOpen={onOpen} />
      )}
    </section>
  );
}

function ListSkeleton() {
  return (
    <div className="list-skeleton" aria-hidden="true">
      {Array.from({ length: 8 }, (_, i) => (
        <div key={i} className="skeleton-row">
          <span className="skeleton-tile" />
          <span className="skeleton-lines">
            <span />
            <span />
          </span>
        </div>
      ))}
    </div>
  );
}
