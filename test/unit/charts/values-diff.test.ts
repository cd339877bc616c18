import { readFileSync } from 'node:fs';
import path from 'node:path';
import { applyPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { readChartArchive } from '../../../electron/core/charts/chart-archive';
import { diffTexts } from '../../../electron/core/charts/values-diff';
import { SHARED_DATA } from '../../support/paths';

const values = async (file: string) => (await readChartArchive(readFileSync(path.join(SHARED_DATA, 'charts', file)))).valuesYaml ?? '';

describe('values diff', () => {
  it('turns one real values.yaml into another (loki vs promtail) through parts and through the patch', async () => {
    const before = await values('loki-2.0.1.tgz');
    const after = await values('promtail-0.13.1.tgz');
    const diff = diffTexts(before, after, { from: 'loki 2.0.1', to: 'promtail 0.13.1' });
    const rebuiltOld = diff.parts.filter((p) => p.kind !== 'added').flatMap((p) => p.lines);
    const rebuiltNew = diff.parts.filter((p) => p.kind !== 'removed').flatMap((p) => p.lines);
    expect(rebuiltOld.join('\n')).toBe(before.replace(/\n$/, ''));
    expect(rebuiltNew.join('\n')).toBe(after.replace(/\n$/, ''));
    expect(diff.added).toBe(diff.parts.filter((p) => p.kind === 'added').reduce((n, p) => n + p.lines.length, 0));
    expect(applyPatch(before, diff.unified)).toBe(after);
    expect(diff.unified).toContain('--- loki 2.0.1');
  });

  it('reports identical values as one unchanged part', () => {
    const diff = diffTexts('a: 1\nb: 2\n', 'a: 1\nb: 2\n', { from: 'x', to: 'y' });
    expect(diff).toMatchObject({ added: 0, removed: 0, parts: [{ kind: 'same', lines: ['a: 1', 'b: 2'] }] });
  });

  it('shows a changed line as removed then added', () => {
    const diff = diffTexts('replicas: 1\nimage: a\n', 'replicas: 3\nimage: a\n', { from: 'x', to: 'y' });
    expect(diff.parts).toEqual([
      { kind: 'removed', lines: ['replicas: 1'] },
      { kind: 'added', lines: ['replicas: 3'] },
      { kind: 'same', lines: ['image: a'] },
    ]);
  });
});
