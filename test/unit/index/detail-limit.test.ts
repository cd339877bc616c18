import { describe, expect, it } from 'vitest';
import { openIndex, readIndexFile } from './support';

describe('a chart’s detail with a limit (what the chart view asks for first)', () => {
  const cases = [
    { file: 'cilium.yaml', chart: 'cilium', limit: 60 },
    { file: 'datadog.yaml', chart: 'datadog', limit: 60 },
    { file: 'datadog.yaml', chart: 'datadog', limit: 1 },
  ];
  for (const { file, chart, limit } of cases) {
    it(`${chart} from ${file}, limit ${limit}: the first versions decoded, every version string listed`, () => {
      const index = openIndex(readIndexFile(file));
      const full = index.detail(chart);
      const page = index.detail(chart, { limit });
      const count = index.summary(chart)?.versionCount ?? 0;
      expect(count).toBeGreaterThan(300);
      expect(page?.versions).toHaveLength(limit);
      expect(page?.allVersions).toHaveLength(count);
      expect(page?.allVersions).toEqual(full?.versions.map((v) => v.version));
      expect(full?.allVersions).toEqual(page?.allVersions);
      expect(page?.versions).toEqual(full?.versions.slice(0, limit));
      expect(page?.summary).toEqual(full?.summary);
    });
  }

  it('a limit above the version count gives every version', () => {
    const index = openIndex(readIndexFile('cilium.yaml'));
    const page = index.detail('tetragon', { limit: 100_000 });
    expect(page?.versions.map((v) => v.version)).toEqual(page?.allVersions);
    expect(page?.versions).toHaveLength(index.summary('tetragon')?.versionCount ?? -1);
  });

  it('reports the warnings of the decoded versions only', () => {
    const index = openIndex(
      'apiVersion: v1\nentries:\n  a:\n  - name: a\n    version: 2.0.0\n  - name: a\n    version: 1.0.0\n    keywords:\n      odd: map\n',
    );
    expect(index.detail('a')?.warnings.map((w) => w.version)).toEqual(['1.0.0']);
    expect(index.detail('a', { limit: 1 })).toMatchObject({ allVersions: ['2.0.0', '1.0.0'], warnings: [] });
  });

  describe('rows only past the first `detailed` versions (the chart view reads the newest whole, the rest as table rows)', () => {
    const ROW = ['name', 'version', 'apiVersion', 'appVersion', 'created', 'digest', 'digestFromChecksum', 'urls', 'deprecated', 'removed', 'type', 'validSemver', 'prerelease', 'duplicate'] as const;
    const rowOf = (v: Record<string, unknown>) => Object.fromEntries(ROW.filter((k) => v[k] !== undefined).map((k) => [k, v[k]]));
    for (const { file, chart } of [
      { file: 'cilium.yaml', chart: 'cilium' },
      { file: 'helm-td-local-index.json', chart: 'nginx' },
      { file: 'datadog.yaml', chart: 'datadog' },
    ]) {
      it(`${chart} from ${file}: the newest whole, the others with their table fields, as the full read gives them`, () => {
        const index = openIndex(readIndexFile(file));
        const full = index.detail(chart, { limit: 60 });
        const rows = index.detail(chart, { limit: 60, detailed: 1 });
        expect(rows?.versions.length).toBeGreaterThan(1);
        expect(rows?.versions[0]).toEqual(full?.versions[0]);
        expect(rows?.versions[0]?.partial).toBeUndefined();
        for (const [i, row] of (rows?.versions ?? []).entries()) {
          if (i === 0) continue;
          const whole = full?.versions[i] as unknown as Record<string, unknown>;
          expect(row.partial).toBe(true);
          expect(rowOf(row as unknown as Record<string, unknown>)).toEqual(rowOf(whole));
          expect(row).toMatchObject({ keywords: [], sources: [], maintainers: [], dependencies: [], annotations: {} });
          expect(row.description).toBeUndefined();
        }
        expect(rows?.allVersions).toEqual(full?.allVersions);
      });
    }

    it('a row reports no warning about a field it did not read', () => {
      const index = openIndex('apiVersion: v1\nentries:\n  a:\n  - name: a\n    version: 2.0.0\n  - name: a\n    version: 1.0.0\n    keywords:\n      odd: map\n');
      expect(index.detail('a', { detailed: 1 })).toMatchObject({ warnings: [], versions: [{ version: '2.0.0' }, { version: '1.0.0', partial: true }] });
      expect(index.detail('a', { detailed: 2 })?.warnings.map((w) => w.version)).toEqual(['1.0.0']);
    });
  });
});
