import { describe, expect, it } from 'vitest';
import { CONTEXT_LINES, diffRows, unifiedLineClass, unifiedLines } from '../../../renderer/src/features/charts/diffRows';

const lines = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}${i + 1}`);

describe('the side-by-side rows of a values diff', () => {
  it('pairs a removed block with the added block after it and keeps both line counters right', () => {
    const rows = diffRows(
      [
        { kind: 'same', lines: ['a', 'b'] },
        { kind: 'removed', lines: ['old'] },
        { kind: 'added', lines: ['new1', 'new2'] },
        { kind: 'same', lines: ['z'] },
      ],
      new Set(),
    );
    expect(rows).toEqual([
      { kind: 'same', left: { line: 1, text: 'a' }, right: { line: 1, text: 'a' } },
      { kind: 'same', left: { line: 2, text: 'b' }, right: { line: 2, text: 'b' } },
      { kind: 'change', left: { line: 3, text: 'old' }, right: { line: 3, text: 'new1' } },
      { kind: 'change', right: { line: 4, text: 'new2' } },
      { kind: 'same', left: { line: 4, text: 'z' }, right: { line: 5, text: 'z' } },
    ]);
  });

  it('folds long unchanged stretches, keeping context around changes, and unfolds them on request', () => {
    const parts = [
      { kind: 'same' as const, lines: lines('head', 20) },
      { kind: 'added' as const, lines: ['x'] },
      { kind: 'same' as const, lines: lines('mid', 30) },
      { kind: 'removed' as const, lines: ['y'] },
      { kind: 'same' as const, lines: lines('tail', 10) },
    ];
    const rows = diffRows(parts, new Set());
    const folds = rows.filter((r) => r.kind === 'fold');
    expect(folds).toEqual([
      { kind: 'fold', part: 0, count: 20 - CONTEXT_LINES },
      { kind: 'fold', part: 2, count: 30 - 2 * CONTEXT_LINES },
      { kind: 'fold', part: 4, count: 10 - CONTEXT_LINES },
    ]);
    // The line after the middle fold still carries its real numbers.
    const afterFold = rows[rows.findIndex((r) => r.kind === 'fold' && r.part === 2) + 1];
    expect(afterFold).toEqual({ kind: 'same', left: { line: 20 + 28, text: 'mid28' }, right: { line: 21 + 28, text: 'mid28' } });
    const unfolded = diffRows(parts, new Set([0, 2, 4]));
    expect(unfolded.some((r) => r.kind === 'fold')).toBe(false);
    expect(unfolded).toHaveLength(20 + 1 + 30 + 1 + 10);
  });
});

describe('the unified patch view', () => {
  it('starts at the file headers and classes each line', () => {
    const patch = 'Index: x\n===================\n--- a/values.yaml\n+++ b/values.yaml\n@@ -1,2 +1,2 @@\n-a: 1\n+a: 2\n b: 3\n';
    const shown = unifiedLines(patch);
    expect(shown[0]).toBe('--- a/values.yaml');
    expect(shown.at(-1)).toBe(' b: 3');
    expect(shown.map(unifiedLineClass)).toEqual(['diff-file', 'diff-file', 'diff-hunk', 'diff-removed', 'diff-added', '']);
  });
});
