import { useId } from 'react';
import type { ChartFilters, FilterCounts } from './chart-filters';

/** Props of the filter row. */
export interface ChartListFiltersProps {
  filters: ChartFilters;
  counts: FilterCounts;
  /** True while a search is shown: "Name" then means the search's ranking. */
  searching: boolean;
  onChange: (changes: Partial<ChartFilters>) => void;
}

/** Sort and filters above the chart list, each with how many charts it concerns. */
export function ChartListFilters({ filters, counts, searching, onChange }: ChartListFiltersProps) {
  const id = useId();
  return (
    <div className="chart-list-filters" data-testid="chart-filters">
      <div className="chart-filter-row">
        <label htmlFor={`${id}-sort`}>Sort</label>
        <select id={`${id}-sort`} value={filters.sort} onChange={(e) => onChange({ sort: e.target.value as ChartFilters['sort'] })} data-testid="chart-sort">
          <option value="name">{searching ? 'Best match' : 'Name'}</option>
          <option value="released">Latest release</option>
          <option value="versions">Most versions</option>
        </select>
        <label htmlFor={`${id}-type`}>Type</label>
        <select id={`${id}-type`} value={filters.type} onChange={(e) => onChange({ type: e.target.value as ChartFilters['type'] })} data-testid="chart-type-filter">
          <option value="any">Any</option>
          <option value="application">Applications ({counts.application.toLocaleString()})</option>
          <option value="library">Libraries ({counts.library.toLocaleString()})</option>
        </select>
      </div>
      <div className="chart-filter-row">
        <label className="chart-filter-check">
          <input type="checkbox" checked={filters.hideDeprecated} onChange={(e) => onChange({ hideDeprecated: e.target.checked })} data-testid="hide-deprecated" />
          Hide deprecated ({counts.deprecated.toLocaleString()})
        </label>
        <label className="chart-filter-check" title="Known once one of the chart’s versions has been opened in this session">
          <input type="checkbox" checked={filters.withReadme} onChange={(e) => onChange({ withReadme: e.target.checked })} data-testid="with-readme" />
          Has a README ({counts.withReadme.toLocaleString()} of {counts.readmeKnown.toLocaleString()} known)
        </label>
      </div>
    </div>
  );
}
