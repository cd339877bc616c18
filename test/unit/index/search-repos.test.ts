/** Searching several repos at once: one ranking over all their charts, ties broken by name, then repo. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIndex } from '../../../electron/core/index/parse-index';
import { ChartIndex } from '../../../electron/core/index/query-index';
import { isPrerelease, searchRepos } from '../../../electron/core/index/search-repos';
import { SHARED_DATA } from '../../support/paths';

const charts = (file: string) => new ChartIndex(parseIndex(readFileSync(path.join(SHARED_DATA, 'index', file)))).list({ limit: 100_000 }).items;
const repos = [
  { repo: 'grafana', charts: charts('grafana.yaml') },
  { repo: 'incubator', charts: charts('helm-incubator.yaml') },
  { repo: 'falco', charts: charts('falcosecurity.yaml') },
];

describe('searchRepos', () => {
  it('ranks across repos as one index would: the exact name first, wherever it lives', () => {
    const hits = searchRepos('loki', repos);
    expect(hits[0]).toMatchObject({ repo: 'grafana', chart: { name: 'loki' }, matched: expect.arrayContaining(['name']) });
    for (let i = 1; i < hits.length; i++) expect((hits[i - 1]?.score ?? 0) >= (hits[i]?.score ?? 0)).toBe(true);
    expect(hits.every((h) => `${h.chart.name} ${h.chart.keywords.join(' ')} ${h.chart.description ?? ''}`.toLowerCase().includes('loki'))).toBe(true);
  });

  it('gives the same hits per repo as that repo’s own search', () => {
    const all = searchRepos('kafka', repos);
    for (const { repo, charts: list } of repos) {
      const own = searchRepos('kafka', [{ repo, charts: list }]).map((h) => h.chart.name);
      expect(all.filter((h) => h.repo === repo).map((h) => h.chart.name)).toEqual(own);
    }
  });

  it('breaks ties by chart name, then by repo name', () => {
    const same = charts('grafana-first-2020.yaml');
    const hits = searchRepos(same[0]?.name ?? '', [
      { repo: 'zeta', charts: same },
      { repo: 'alpha', charts: same },
    ]);
    expect(hits.map((h) => h.repo)).toEqual(['alpha', 'zeta']);
  });

  it('lists every chart, by name, for an empty query', () => {
    const hits = searchRepos('  ', repos);
    expect(hits).toHaveLength(repos.reduce((n, r) => n + r.charts.length, 0));
    expect(hits.every((h) => h.score === 0)).toBe(true);
    const names = hits.map((h) => h.chart.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('tells pre-releases from releases as Helm does', () => {
    expect(isPrerelease('1.0.0-rc.1')).toBe(true);
    expect(isPrerelease('v2.1-beta')).toBe(true);
    expect(isPrerelease('6.5.012')).toBe(false);
    expect(isPrerelease('not-a-version')).toBe(false);
  });
});
