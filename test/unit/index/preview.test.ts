/** The first page of an index before the whole of it is read: in place and through the worker. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createIndexParser } from '../../../electron/core/index/parse-client';
import { previewIndex } from '../../../electron/core/index/parse-preview';
import type { ChartSummary } from '../../../electron/core/index/query-types';
import { DIST } from '../../support/paths';
import { openIndex, readIndexFile } from './support';

const workerPath = path.join(DIST, 'index-worker.cjs');

describe('the preview of an index', () => {
  it('is exactly the first page of the full list for an index Helm wrote (entries sorted by name)', () => {
    const bytes = readIndexFile('bitnami-2023-03.yaml');
    const preview = previewIndex(bytes, 25);
    expect(preview).toHaveLength(25);
    expect(preview).toEqual(openIndex(bytes).list({ offset: 0, limit: 25 }).items);
  });

  it('sorts the charts it read when the file does not, and the full parse then has the rest', () => {
    const bytes = readIndexFile('helm-td-local-index-unordered.yaml');
    const full = openIndex(bytes).list({ offset: 0, limit: 100 }).items.map((c) => c.name);
    const preview = previewIndex(bytes, 1)?.map((c) => c.name) ?? [];
    expect(preview).toHaveLength(1);
    expect(full).toContain(preview[0]);
  });

  it('is not made when it would not come sooner: fewer charts than a page, JSON, CRLF line ends', () => {
    expect(previewIndex(readIndexFile('argo-helm.yaml'))).toBeUndefined(); // 11 charts
    expect(previewIndex(readIndexFile('helm-td-local-index.json'), 1)).toBeUndefined();
    expect(previewIndex(Buffer.from(readIndexFile('grafana.yaml').toString('utf8').replace(/\n/g, '\r\n')), 1)).toBeUndefined();
  });

  it('never throws on a broken document: the full parse is left to say what is wrong', () => {
    expect(() => previewIndex(readIndexFile('helm-td-malformed-index.yaml'), 1)).not.toThrow();
    expect(() => previewIndex(Buffer.from('entries:\n  a:\n  - version: [\n'), 1)).not.toThrow();
  });
});

describe('the worker’s preview', () => {
  it('arrives before the parse ends and shows the same first charts', async () => {
    const bytes = readIndexFile('bitnami-2023-03.yaml');
    const order: string[] = [];
    let preview: ChartSummary[] = [];
    const parser = createIndexParser({ workerPath });
    parser.prepare();
    const index = await parser.parse(bytes, {
      onPreview: (charts) => {
        order.push('preview');
        preview = charts;
      },
    });
    order.push('parsed');
    expect(order).toEqual(['preview', 'parsed']);
    expect(preview.length).toBeGreaterThan(20);
    expect(preview).toEqual(index.list({ offset: 0, limit: preview.length }).items);
  });

  it('a prepared worker parses like a fresh one, once each, and limits still hold', async () => {
    const parser = createIndexParser({ workerPath });
    parser.prepare();
    parser.prepare();
    const [a, b] = await Promise.all([parser.parse(readIndexFile('cilium.yaml')), parser.parse(readIndexFile('ory.yaml'))]);
    expect(a.summary('cilium')?.versionCount).toBeGreaterThan(100);
    expect(b.info().chartCount).toBeGreaterThan(5);
    const small = createIndexParser({ workerPath, maxHeapMb: 16 });
    small.prepare();
    const crlf = Buffer.from(readIndexFile('grafana.yaml').toString('utf8').replace(/\n/g, '\r\n'));
    await expect(small.parse(crlf)).rejects.toMatchObject({ kind: 'too-large', message: expect.stringMatching(/memory/) });
  });
});
