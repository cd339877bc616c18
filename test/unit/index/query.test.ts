import { describe, expect, it } from 'vitest';
import { openIndex, readIndexFile } from './support';

const chart = (name: string, fields = '') => `  ${name}:\n  - name: ${name}\n    version: 1.0.0\n${fields}`;
const index = openIndex(
  'apiVersion: v1\nentries:\n' +
    chart('web-proxy', '    keywords:\n    - nginx\n    - proxy\n') +
    chart('nginx-ingress', '    description: Ingress controller\n') +
    chart('zeta', '    description: Serves files with NGINX behind a proxy\n') +
    chart('nginx', '    description: A web server\n    icon: https://example.test/nginx.png\n    deprecated: true\n    appVersion: "1.25"\n') +
    chart('mynginxapp') +
    chart('my-nginx') +
    chart('redis', '    keywords:\n    - cache\n'),
);

describe('querying a loaded index', () => {
  it('lists compact summaries sorted by name, a page at a time', () => {
    const page = index.list({ offset: 2, limit: 3 });
    expect(page.total).toBe(7);
    expect(page.items.map((s) => s.name)).toEqual(['nginx', 'nginx-ingress', 'redis']);
    expect(page.items[0]).toEqual({
      name: 'nginx',
      latestVersion: '1.0.0',
      appVersion: '1.25',
      description: 'A web server',
      icon: 'https://example.test/nginx.png',
      deprecated: true,
      versionCount: 1,
      keywords: [],
    });
    expect(index.list({ offset: 100 }).items).toEqual([]);
  });

  it('ranks an exact name, then a name prefix, then a name substring, then keywords, then descriptions', () => {
    const result = index.search('nginx');
    expect(result.hits.map((h) => h.chart.name)).toEqual(['nginx', 'nginx-ingress', 'my-nginx', 'mynginxapp', 'web-proxy', 'zeta']);
    expect(result.total).toBe(6);
    expect(result.hits.find((h) => h.chart.name === 'web-proxy')?.matched).toEqual(['keyword']);
    expect(result.hits.find((h) => h.chart.name === 'zeta')?.matched).toEqual(['description']);
  });

  it('needs every word of the query to match, in any field, ignoring case', () => {
    expect(index.search('NGINX proxy').hits.map((h) => h.chart.name)).toEqual(['web-proxy', 'zeta']);
    expect(index.search('  ').hits).toEqual([]);
    expect(index.search('nothing-like-this').total).toBe(0);
    expect(index.search('nginx', 2).hits).toHaveLength(2);
  });

  it('gives a chart’s full detail, or nothing for an unknown chart', () => {
    expect(index.detail('nginx')?.versions[0]).toMatchObject({ name: 'nginx', version: '1.0.0', apiVersion: 'v1', deprecated: true, appVersion: '1.25' });
    expect(index.detail('unknown')).toBeUndefined();
    expect(index.version('nginx', '9.9.9')).toBeUndefined();
  });

  it('gives a page of a chart’s versions when asked', () => {
    const grafana = openIndex(readIndexFile('grafana.yaml'));
    const all = grafana.detail('loki')?.versions.map((v) => v.version) ?? [];
    expect(all.length).toBeGreaterThan(20);
    expect(grafana.detail('loki', { offset: 5, limit: 10 })?.versions.map((v) => v.version)).toEqual(all.slice(5, 15));
    expect(grafana.detail('loki', { offset: 10_000 })?.versions).toEqual([]);
  });

  it('decodes every field a real entry carries', () => {
    const argo = openIndex(readIndexFile('argo-helm.yaml'));
    const v = argo.version('argo', '1.0.0');
    expect(v).toMatchObject({
      apiVersion: 'v2',
      appVersion: 'v2.12.5',
      created: '2021-05-21T13:04:19.360025134Z',
      dependencies: [{ condition: 'minio.install', name: 'minio', repository: 'https://helm.min.io/', version: '8.0.9' }],
      deprecated: true,
      description: 'A Helm chart for Argo Workflows',
      digest: '51f889dca3437fb4e0a27816f6a473a9358828dbf6f85564b7991fa1458055c2',
      home: 'https://github.com/argoproj/argo-helm',
      urls: ['argo-1.0.0.tgz'],
    });
  });
});
