import { ChartIcon } from '../charts/ChartIcon';
import { formatAge } from '../charts/format';
import type { RepoSearchGroup } from './types';

/** One hit with its place in the flat list (for arrow keys and aria-activedescendant). */
export interface FlatHit {
  index: number;
  group: RepoSearchGroup;
  chart: RepoSearchGroup['hits'][number]['chart'];
}

/** Every hit of every group, in display order. */
export function flattenHits(groups: readonly RepoSearchGroup[]): FlatHit[] {
  const flat: FlatHit[] = [];
  for (const group of groups) for (const hit of group.hits) flat.push({ index: flat.length, group, chart: hit.chart });
  return flat;
}

/** The element id of a hit, for aria-activedescendant. */
export function hitId(prefix: string, index: number): string {
  return `${prefix}-hit-${index}`;
}

/** Props of the grouped results. */
export interface SearchResultsProps {
  id: string;
  groups: readonly RepoSearchGroup[];
  active: number;
  onActive: (index: number) => void;
  onOpen: (hit: FlatHit) => void;
}

/** The hits grouped by repo (a listbox of groups): repo name, where its charts came from (an offline copy is marked), its best hits. */
export function SearchResults({ id, groups, active, onActive, onOpen }: SearchResultsProps) {
  const flat = flattenHits(groups);
  return (
    <div id={id} className="search-results" role="listbox" aria-label="Charts found in every repository" data-testid="search-results">
      {groups.map((group) => {
        const headId = `${id}-${group.repoId}`;
        return (
          <div key={group.repoId} role="group" aria-labelledby={headId} className="search-group" data-testid="search-group" data-repo={group.repoName} data-from={group.from}>
            <div className="search-group-head" id={headId}>
              <strong>{group.repoName}</strong>
              <span className="muted">{group.kind === 'oci' ? 'OCI registry' : 'chart repo'}</span>
              {group.from === 'offline' && (
                <span className="badge badge-warn" data-testid="search-group-offline" title={new Date(group.fetchedAt).toLocaleString()}>
                  offline copy from {formatAge(group.ageMs)}
                </span>
              )}
              <span className="search-group-count muted">
                {group.total.toLocaleString()} match{group.total === 1 ? '' : 'es'}
                {group.total > group.hits.length ? `, best ${group.hits.length}` : ''}
              </span>
            </div>
            {flat
              .filter((hit) => hit.group === group)
              .map((hit) => (
                <div
                  key={hit.chart.name}
                  id={hitId(id, hit.index)}
                  role="option"
                  aria-selected={hit.index === active}
                  className={`search-hit${hit.index === active ? ' active' : ''}${hit.chart.deprecated ? ' deprecated' : ''}`}
                  data-testid="search-hit"
                  data-chart={hit.chart.name}
                  onMouseDown={(event) => event.preventDefault()}
                  onMouseMove={() => hit.index !== active && onActive(hit.index)}
                  onClick={() => onOpen(hit)}
                >
                  <ChartIcon repoId={group.repoId} name={hit.chart.name} size={24} />
                  <span className="search-hit-name">{hit.chart.name}</span>
                  <span className="search-hit-version mono">{hit.chart.latestVersion}</span>
                  {hit.chart.deprecated && <span className="badge badge-warn">deprecated</span>}
                  <span className="search-hit-desc muted">{hit.chart.description}</span>
                </div>
              ))}
          </div>
        );
      })}
    </div>
  );
}
