/** Aligned text tables for people: every cell made terminal-safe, columns padded, the last column left free. */
import { safeLine } from './terminal-text';

/** Options of a table. */
export interface TableOptions {
  /** Widest a padded column grows (longer cells still print whole); default 40. */
  maxColumnWidth?: number;
}

/** Shortens one line of text to `width` characters with an ellipsis, white space folded. */
export function clip(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}

/** The header and rows as aligned lines ending in a newline; cells pass through safeLine first. */
export function textTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>, options: TableOptions = {}): string {
  const max = options.maxColumnWidth ?? 40;
  const safe = rows.map((row) => row.map((cell) => safeLine(cell)));
  const widths = header.map((h, i) => Math.min(max, Math.max(h.length, ...safe.map((r) => (r[i] ?? '').length))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return `${[line(header), ...safe.map(line)].join('\n')}\n`;
}
