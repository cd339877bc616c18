/** A chart's summary carries its version's created date (for sorting by latest release), from the fast and the full parser alike. */
import { describe, expect, it } from 'vitest';
import { openIndex, readIndexFile } from './support';

describe('summary created', () => {
  it('is the created date of the summary’s version, as the index wrote it', () => {
    for (const file of ['grafana.yaml', 'seafile.yaml', 'helm-td-local-index.json']) {
      const index = openIndex(readIndexFile(file));
      for (const summary of index.list({ limit: 100_000 }).items) {
        expect(summary.created).toBe(index.version(summary.name, summary.latestVersion)?.created);
      }
    }
  });

  it('keeps nanoseconds and offsets as written', () => {
    const index = openIndex(readIndexFile('seafile.yaml'));
    expect(index.list({ limit: 1000 }).items.some((s) => /\+08:00$/.test(s.created ?? ''))).toBe(true);
    const loki = openIndex(readIndexFile('grafana.yaml')).summary('loki');
    expect(loki?.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6,9}Z$/);
  });

  it('is absent when the version has none', () => {
    const index = openIndex('apiVersion: v1\nentries:\n  app:\n    - name: app\n      version: 1.0.0\n      urls: [app-1.0.0.tgz]\n');
    expect(index.summary('app')).not.toHaveProperty('created');
  });
});
