/** Narrowing and ordering the chart list: filters (deprecated, type, README once known) and sorts (name, latest release, versions). */
import { parseCreated } from './format';
import type { ChartSummary } from './types';

/** How the list is narrowed and ordered. */
export interface ChartFilters {
  hideDeprecated: boolean;
  /** 'application' also takes charts without a type (Helm's default). */
  type: 'any' | 'application' | 'library';
  /** Only charts known to have a README (known once one of their versions was opened). */
  withReadme: boolean;
  /** 'name': A–Z (search results keep their ranking); 'released': newest release first; 'versions': most versions first. */
  sort: 'name' | 'released' | 'versions';
}

/** No filter, sorted by name. */
export const DEFAULT_FILTERS: ChartFilters = { hideDeprecated: false, type: 'any', withReadme: false, sort: 'name' };

/** What is known about READMEs: chart name → has one. */
export type ReadmeFacts = ReadonlyMap<string, boolean>;

/** True when any filter narrows the list. */
export function filtersActive(filters: ChartFilters): boolean {
  return filters.hideDeprecated || filters.type !== 'any' || filters.withReadme;
}

/** A chart's type as Helm reads it: no type means application. */
export function typeOf(chart: ChartSummary): 'application' | 'library' | undefined {
  if (chart.problem) return undefined;
  return chart.type === 'library' ? 'library' : 'application';
}

/** The charts that pass the filters, in the chosen order. */
export function applyFilters(charts: readonly ChartSummary[], filters: ChartFilters, readme: ReadmeFacts): ChartSummary[] {
  const kept = charts.filter(
    (c) => (!filters.hideDeprecated || !c.deprecated) && (filters.type === 'any' || typeOf(c) === filters.type) && (!filters.withReadme || readme.get(c.name) === true),
  );
  // By name: the list already is (the core sorts it); search results keep their ranking.
  if (filters.sort === 'name') return kept;
  const byName = (a: ChartSummary, b: ChartSummary) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  if (filters.sort === 'versions') return kept.sort((a, b) => b.versionCount - a.versionCount || byName(a, b));
  const time = new Map(kept.map((c) => [c.name, parseCreated(c.created)?.getTime() ?? Number.NEGATIVE_INFINITY]));
  return kept.sort((a, b) => (time.get(b.name) as number) - (time.get(a.name) as number) || byName(a, b));
}

/** The counts shown beside each filter, over the unfiltered list. */
export interface FilterCounts {
  deprecated: number;
  application: number;
  library: number;
  /** Charts known to have a README, and charts whose README is known either way. */
  withReadme: number;
  readmeKnown: number;
}

/** Counts the charts each filter would keep or drop. */
export function countFilters(charts: readonly ChartSummary[], readme: ReadmeFacts): FilterCounts {
  const counts: FilterCounts = { deprecated: 0, application: 0, library: 0, withReadme: 0, readmeKnown: 0 };
  for (const c of charts) {
    if (c.deprecated) counts.deprecated++;
    const type = typeOf(c);
    if (type) counts[type]++;
    const known = readme.get(c.name);
    if (known !== undefined) counts.readmeKnown++;
    if (known === true) counts.withReadme++;
  }
  return counts;
}
