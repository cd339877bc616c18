/** What importing an export file would do: each repo is added, or skipped because one with its name or URL exists. */
import type { z } from 'zod';
import type { ImportPlanItem } from '../../contract/transfer';
import { ChartDeskError } from '../errors';
import { StoredRepo } from '../store/repo-file';
import type { RepoFields } from '../store/repo-store';
import type { ExportPayload } from './export-file';

/** One planned repo. */
export type PlannedItem = z.output<typeof ImportPlanItem>;

/** A repo of the file, checked against the stored schema, ready to add (without its old id). */
export interface IncomingRepo {
  record: RepoFields;
  secret?: string;
}

/** The existing repos the plan compares against. */
export interface ExistingRepo {
  id: string;
  name: string;
  url: string;
}

const sameName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

/** Two repo URLs that name the same place (host case and a trailing slash do not matter). */
export function sameRepoUrl(a: string, b: string): boolean {
  try {
    return new URL(a).href.replace(/\/+$/, '') === new URL(b).href.replace(/\/+$/, '');
  } catch {
    return a === b;
  }
}

/** Checks every repo record of the payload against the stored schema (of this version), dropping the old id. */
export function incomingRepos(payload: ExportPayload): IncomingRepo[] {
  return payload.repos.map((entry, index) => {
    const parsed = StoredRepo.safeParse({ ...entry.record, id: 'imported' });
    if (!parsed.success) {
      const name = typeof entry.record.name === 'string' ? ` (${entry.record.name.slice(0, 100)})` : '';
      throw new ChartDeskError('bad-request', 'read-export', `Repo ${index + 1}${name} of the file is not valid for this version of ChartDesk (${parsed.error.issues[0]?.path.join('.') || 'record'}); nothing was imported.`, {
        hint: 'Update ChartDesk if the file comes from a newer version.',
      });
    }
    const { id: _id, ...record } = parsed.data;
    return { record, ...(entry.secret !== undefined ? { secret: entry.secret } : {}) };
  });
}

/** Plans the import of `incoming` next to `existing`: add what is new, skip what matches by name or URL (it may be replaced). */
export function planImport(incoming: readonly IncomingRepo[], existing: readonly ExistingRepo[]): PlannedItem[] {
  return incoming.map((repo, index) => {
    const { name, url } = repo.record;
    const base = { index, name, url, hasSecret: repo.secret !== undefined };
    const earlier = incoming.slice(0, index).find((other) => sameName(other.record.name, name));
    if (earlier) return { ...base, action: 'skip' as const, reason: `The file lists “${name}” twice; the first one is used.` };
    const byName = existing.filter((r) => sameName(r.name, name));
    const byUrl = existing.filter((r) => sameRepoUrl(r.url, url) && !byName.includes(r));
    const conflicts = [...byName, ...byUrl];
    if (conflicts.length === 0) return { ...base, action: 'add' as const };
    const reason = byName.length ? `A repo named “${byName[0]?.name}” exists here already.` : `The repo “${byUrl[0]?.name}” here has the same URL.`;
    const only = conflicts.length === 1 ? conflicts[0] : undefined;
    return {
      ...base,
      action: 'skip' as const,
      reason: only ? reason : `${reason} It also matches “${conflicts[1]?.name}”, so it cannot replace either.`,
      ...(only ? { replaces: { repoId: only.id, name: only.name } } : {}),
    };
  });
}
