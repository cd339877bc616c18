/** What `chartdesk search` prints: one row per chart (or version), as a terminal-safe table or as data. */
import type { SearchField } from '../../core/index/query-types';
import { clip, textTable } from '../text-table';

/** One result line. */
export interface SearchRow {
  repo: string;
  name: string;
  version: string;
  appVersion?: string;
  description?: string;
  deprecated: boolean;
  score: number;
  matched: SearchField[];
}

/** What a repo contributed: its index, its offline copy, or nothing (with why). */
export interface SearchedRepo {
  name: string;
  offline: boolean;
  error?: string;
}

/** NAME (repo/chart), CHART VERSION, APP VERSION, DESCRIPTION, as `helm search repo` prints them. */
export function searchTable(rows: readonly SearchRow[]): string {
  return textTable(
    ['NAME', 'CHART VERSION', 'APP VERSION', 'DESCRIPTION'],
    rows.map((r) => [`${r.repo}/${r.name}`, r.version, r.appVersion ?? '', `${r.deprecated ? '(deprecated) ' : ''}${clip(r.description ?? '', 60)}`]),
    { maxColumnWidth: 50 },
  );
}

/** The data form (JSON or YAML) of a search. */
export function searchData(query: string, rows: readonly SearchRow[], repos: readonly SearchedRepo[]): Record<string, unknown> {
  return {
    query,
    total: rows.length,
    results: rows.map((r) => ({ repo: r.repo, name: r.name, version: r.version, appVersion: r.appVersion ?? null, description: r.description ?? null, deprecated: r.deprecated, score: r.score, matched: r.matched })),
    repos,
  };
}
