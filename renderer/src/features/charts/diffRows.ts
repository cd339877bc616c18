/** Turns a values diff's parts into side-by-side rows, folding long unchanged stretches. */
import type { ValuesDiff } from './types';

/** Unchanged lines kept around each change. */
export const CONTEXT_LINES = 3;

/** One side of a row: line number and text. */
export interface DiffCell {
  line: number;
  text: string;
}

/** A row of the side-by-side view. */
export type DiffRow =
  | { kind: 'same'; left: DiffCell; right: DiffCell }
  | { kind: 'change'; left?: DiffCell; right?: DiffCell }
  | { kind: 'fold'; part: number; count: number };

/** Builds the rows; unchanged runs longer than twice the context are folded unless their part index is in `expanded`. */
export function diffRows(parts: ValuesDiff['parts'], expanded: ReadonlySet<number>): DiffRow[] {
  const rows: DiffRow[] = [];
  let left = 1;
  let right = 1;
  const same = (text: string) => {
    rows.push({ kind: 'same', left: { line: left++, text }, right: { line: right++, text } });
  };
  for (let p = 0; p < parts.length; p++) {
    const part = parts[p];
    if (!part) continue;
    if (part.kind === 'same') {
      const head = p === 0 ? 0 : CONTEXT_LINES;
      const tail = p === parts.length - 1 ? 0 : CONTEXT_LINES;
      const hidden = part.lines.length - head - tail;
      if (hidden <= 1 || expanded.has(p)) {
        part.lines.forEach(same);
        continue;
      }
      part.lines.slice(0, head).forEach(same);
      rows.push({ kind: 'fold', part: p, count: hidden });
      left += hidden;
      right += hidden;
      part.lines.slice(head + hidden).forEach(same);
      continue;
    }
    if (part.kind === 'removed') {
      const next = parts[p + 1];
      const added = next?.kind === 'added' ? next.lines : [];
      if (next?.kind === 'added') p++;
      const height = Math.max(part.lines.length, added.length);
      for (let i = 0; i < height; i++) {
        const l = part.lines[i];
        const r = added[i];
        rows.push({ kind: 'change', ...(l !== undefined ? { left: { line: left++, text: l } } : {}), ...(r !== undefined ? { right: { line: right++, text: r } } : {}) });
      }
      continue;
    }
    for (const text of part.lines) rows.push({ kind: 'change', right: { line: right++, text } });
  }
  return rows;
}

/** The CSS class of a unified-diff line: added, removed, hunk header or file header. */
export function unifiedLineClass(line: string): string {
  if (line.startsWith('+++') || line.startsWith('---')) return 'diff-file';
  if (line.startsWith('@@')) return 'diff-hunk';
  if (line.startsWith('+')) return 'diff-added';
  if (line.startsWith('-')) return 'diff-removed';
  return '';
}

/** The lines of a unified patch worth showing: from the first "---" header on, without the trailing blank. */
export function unifiedLines(patch: string): string[] {
  const lines = patch.replace(/\n$/, '').split('\n');
  const start = lines.findIndex((line) => line.startsWith('--- '));
  return start > 0 ? lines.slice(start) : lines;
}
