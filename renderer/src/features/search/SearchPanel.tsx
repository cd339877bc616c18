import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { EmptyState } from '../../components/States';
import { handleListKey } from '../charts/listKeys';
import { IndexProgressBar } from '../charts/IndexProgressBar';
import { flattenHits, hitId, SearchResults } from './SearchResults';
import type { OpenChart } from './types';
import { useSearchAll } from './useSearchAll';
import './search.css';

/** Props of the search panel. */
export interface SearchPanelProps {
  /** Ids of its parts (a page and the palette may both be in the document). */
  idPrefix: string;
  onOpenChart: OpenChart;
  autoFocus?: boolean;
  /** Escape on an empty box (the palette closes). */
  onEscape?: () => void;
}

/** A search box over every repo, its grouped results, and the repos still being opened or not searched. */
export function SearchPanel({ idPrefix, onOpenChart, autoFocus = false, onEscape }: SearchPanelProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const search = useSearchAll(query, true);
  // Inside a modal <dialog>, showModal() focuses the element marked autofocus: mark the box before it runs.
  useLayoutEffect(() => {
    if (autoFocus) inputRef.current?.setAttribute('autofocus', '');
  }, [autoFocus]);
  const groups = search.result?.groups ?? [];
  const flat = flattenHits(groups);
  const listId = `${idPrefix}-results`;
  const current = Math.min(active, flat.length - 1);
  const open = (index: number) => {
    const hit = flat[index];
    if (hit) onOpenChart(hit.group.repoId, hit.chart.name);
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      // The first Escape clears the query, the next one closes the palette.
      event.preventDefault();
      if (query) setQuery('');
      else onEscape?.();
      return;
    }
    handleListKey(event, flat.length, current, setActive, open, false);
  };
  const notSearched = (search.result?.unopened ?? []).filter((repo) => !repo.searchedOffline && repo.repoId !== search.opening?.repo.repoId);
  const trimmed = query.trim();
  const hits = groups.reduce((n, g) => n + g.total, 0);

  return (
    <div className="search-panel" data-testid="search-panel">
      <div className="chart-search search-all-box">
        <svg className="chart-search-icon" viewBox="0 0 16 16" aria-hidden="true">
          <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
          <path d="M10.4 10.4 14 14" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </svg>
        <input
          ref={inputRef}
          type="search"
          role="combobox"
          aria-expanded={flat.length > 0}
          aria-controls={listId}
          aria-activedescendant={current >= 0 && current < flat.length ? hitId(listId, current) : undefined}
          aria-label="Search every repository"
          placeholder="Search charts in every repository"
          data-testid="search-all-input"
          value={query}
          spellCheck={false}
          autoComplete="off"
          autoFocus={autoFocus}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKey}
        />
      </div>
      <p className="search-status muted" aria-live="polite" data-testid="search-status">
        {trimmed ? (search.searching && !search.result ? 'Searching…' : `${hits.toLocaleString()} match${hits === 1 ? '' : 'es'} in ${groups.length} of ${search.result?.searched ?? 0} repositories searched`) : `Type to search ${search.result ? `${search.result.searched} open or offline repositor${search.result.searched === 1 ? 'y' : 'ies'}` : 'every repository'}; Enter opens the chart in its repo.`}
      </p>
      {search.opening && (
        <div className="search-opening" data-testid="search-opening">
          <span>Opening {search.opening.repo.repoName}…</span>
          <IndexProgressBar {...(search.opening.progress ? { progress: search.opening.progress } : {})} compact />
        </div>
      )}
      {search.error && <p className="inline-warning">The search failed: {search.error}</p>}
      {trimmed && groups.length > 0 && <SearchResults id={listId} groups={groups} active={current} onActive={setActive} onOpen={(hit) => open(hit.index)} />}
      {trimmed && !search.searching && groups.length === 0 && !search.opening && (
        <EmptyState title={`No chart matches “${trimmed}” in any repository`} testId="search-all-empty">
          <p>Try fewer letters or a keyword.</p>
        </EmptyState>
      )}
      {(notSearched.length > 0 || search.failures.length > 0) && (
        <ul className="search-unopened" data-testid="search-unopened">
          {search.failures.map((f) => (
            <li key={f.repo.repoId}>
              <strong>{f.repo.repoName}</strong> could not be opened: {f.message}{' '}
              <button type="button" className="small" onClick={() => search.retry(f.repo.repoId)}>
                Try again
              </button>
            </li>
          ))}
          {notSearched
            .filter((repo) => !search.failures.some((f) => f.repo.repoId === repo.repoId))
            .map((repo) => (
              <li key={repo.repoId}>
                <strong>{repo.repoName}</strong> is not searched yet (not opened in this session, no offline copy).{' '}
                <button type="button" className="small" onClick={() => search.retry(repo.repoId)}>
                  Open it
                </button>
              </li>
            ))}
        </ul>
      )}
    </div>
  );
}
