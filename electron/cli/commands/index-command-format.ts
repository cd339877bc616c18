/** Formats chart lists for `chartdesk index`: an aligned, terminal-safe table for people. */
import type { ChartSummary } from '../../core/index/query-types';
import { clip, textTable } from '../text-table';

/** One line per chart: name, latest version, app version, number of versions, description. */
export function chartTable(items: readonly ChartSummary[]): string {
  const rows = items.map((c) => [c.name, c.latestVersion, c.appVersion ?? '', String(c.versionCount), c.problem ? `(${clip(c.problem.message, 90)})` : `${c.deprecated ? '(deprecated) ' : ''}${clip(c.description ?? '', 70)}`]);
  return textTable(['NAME', 'LATEST', 'APP VERSION', 'VERSIONS', 'DESCRIPTION'], rows);
}
