/** Formats chart lists for `chartdesk index`: an aligned table for people. */
import type { ChartSummary } from '../../core/index/query-types';

function clip(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
}

/** One line per chart: name, latest version, app version, number of versions, description. */
export function chartTable(items: readonly ChartSummary[]): string {
  const rows = items.map((c) => [c.name, c.latestVersion, c.appVersion ?? '', String(c.versionCount), c.problem ? `(${clip(c.problem.message, 90)})` : `${c.deprecated ? '(deprecated) ' : ''}${clip(c.description ?? '', 70)}`]);
  const header = ['NAME', 'LATEST', 'APP VERSION', 'VERSIONS', 'DESCRIPTION'];
  const widths = header.map((h, i) => Math.min(40, Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length))));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}
