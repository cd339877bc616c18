/** searchAcross over real indexes: each repo ranked as its own search ranks it, groups best first, blank queries find nothing. */
import { describe, expect, it } from 'vitest';
import { searchAcross } from '../../../electron/core/search/search-across';
import { openIndex, readIndexFile } from '../index/support';

const grafana = openIndex(readIndexFile('grafana.yaml'));
const incubator = openIndex(readIndexFile('helm-incubator.yaml'));
const museum = openIndex(readIndexFile('chartmuseum-charts.yaml'));
const all = (index: typeof grafana) => index.list({ limit: 100_000 }).items;
const sets = [
  { repo: 'incubator', summaries: all(incubator) },
  { repo: 'grafana', summaries: all(grafana) },
  { repo: 'museum', summaries: all(museum) },
];

describe('searchAcross', () => {
  it('ranks each repo exactly as that repo’s own search does', () => {
    for (const query of ['loki', 'grafana agent', 'kafka', 'prom']) {
      for (const group of searchAcross(sets, query, 1000)) {
        const own = group.repo === 'grafana' ? grafana : group.repo === 'incubator' ? incubator : museum;
        const alone = own.search(query, 1000);
        expect(group.total).toBe(alone.total);
        expect(group.hits).toEqual(alone.hits);
      }
    }
  });

  it('puts the repo with the best hit first and leaves out repos without hits', () => {
    // The incubator has "metrics" only in keywords and descriptions (riemann); Grafana's repo in a chart name (enterprise-metrics).
    expect(incubator.search('metrics').hits[0]?.matched).not.toContain('name');
    const groups = searchAcross(sets, 'metrics');
    expect(groups.map((g) => g.repo)).toEqual(['grafana', 'incubator']);
    expect(groups[0]?.hits[0]?.chart.name).toBe('enterprise-metrics');
    expect(searchAcross(sets, 'loki').map((g) => g.repo)).toEqual(['grafana']);
  });

  it('keeps the given order between repos whose best hits score alike, and caps the hits listed per repo', () => {
    const twice = [
      { repo: 'second', summaries: all(grafana) },
      { repo: 'first', summaries: all(grafana) },
    ];
    const groups = searchAcross(twice, 'loki', 2);
    expect(groups.map((g) => g.repo)).toEqual(['second', 'first']);
    expect(groups[0]?.hits).toHaveLength(2);
    expect(groups[0]?.total).toBe(grafana.search('loki').total);
  });

  it('finds nothing for a blank query', () => {
    expect(searchAcross(sets, '  ')).toEqual([]);
    expect(searchAcross([], 'loki')).toEqual([]);
  });
});
