/** The chart list's filters and sorts over a real index (Bitnami's of March 2023). */
import { describe, expect, it } from 'vitest';
import { applyFilters, countFilters, DEFAULT_FILTERS, filtersActive } from '../../../renderer/src/features/charts/chart-filters';
import { openIndex, readIndexFile } from '../index/support';

const charts = openIndex(readIndexFile('bitnami-2023-03.yaml')).list({ limit: 1000 }).items;
const none = new Map<string, boolean>();

describe('chart list filters', () => {
  it('leave the list as it is by default', () => {
    expect(filtersActive(DEFAULT_FILTERS)).toBe(false);
    expect(applyFilters(charts, DEFAULT_FILTERS, none)).toEqual(charts);
  });

  it('hide deprecated charts and pick applications or libraries, with the counts to match', () => {
    const counts = countFilters(charts, none);
    expect(counts).toEqual({ deprecated: 7, application: 107, library: 1, withReadme: 0, readmeKnown: 0 });
    const shown = applyFilters(charts, { ...DEFAULT_FILTERS, hideDeprecated: true }, none);
    expect(shown).toHaveLength(charts.length - counts.deprecated);
    expect(shown.some((c) => c.deprecated)).toBe(false);
    expect(applyFilters(charts, { ...DEFAULT_FILTERS, type: 'library' }, none).map((c) => c.name)).toEqual(['common']);
    expect(applyFilters(charts, { ...DEFAULT_FILTERS, type: 'application', hideDeprecated: true }, none)).toHaveLength(100);
  });

  it('keep only charts known to have a README', () => {
    const readme = new Map([
      ['redis', true],
      ['kafka', false],
    ]);
    expect(countFilters(charts, readme)).toMatchObject({ withReadme: 1, readmeKnown: 2 });
    expect(applyFilters(charts, { ...DEFAULT_FILTERS, withReadme: true }, readme).map((c) => c.name)).toEqual(['redis']);
  });

  it('sort by most versions and by latest release, ties by name, undated charts last', () => {
    const byVersions = applyFilters(charts, { ...DEFAULT_FILTERS, sort: 'versions' }, none);
    expect(byVersions.slice(0, 3).map((c) => [c.name, c.versionCount])).toEqual([
      ['kong', 91],
      ['ghost', 89],
      ['wordpress', 78],
    ]);
    const byRelease = applyFilters(charts, { ...DEFAULT_FILTERS, sort: 'released' }, none);
    expect(byRelease[0]?.name).toBe('contour-operator');
    const times = byRelease.map((c) => Date.parse((c.created ?? '').replace(/(\.\d{3})\d+/, '$1')));
    expect(times.every((t, i) => i === 0 || t <= (times[i - 1] as number))).toBe(true);
    const undated = applyFilters([{ ...charts[0]!, name: 'aaa', created: undefined }, ...charts.slice(0, 3)], { ...DEFAULT_FILTERS, sort: 'released' }, none);
    expect(undated.at(-1)?.name).toBe('aaa');
  });
});
