/** The repo list on disk (repos.json in the data folder): ordered, durable, shared safely between processes. */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { ChartDeskError } from '../errors';
import { createDurableFile, type DurableFile, type DurableFileOptions } from './durable-file';
import { repoFileFormat, StoredRepo, type RepoFile } from './repo-file';

/** A repo as the user describes it, before it has an id. */
export type RepoFields = Omit<StoredRepo, 'id'>;

/** The persisted repo list; every change is a read-modify-write under a cross-process lock. */
export interface RepoStore {
  list(): Promise<StoredRepo[]>;
  add(fields: RepoFields): Promise<StoredRepo>;
  /** Adds the ones whose name is free, in one write; reports the rest. */
  addMany(all: readonly RepoFields[]): Promise<{ added: StoredRepo[]; taken: string[] }>;
  update(id: string, change: (current: StoredRepo) => StoredRepo): Promise<StoredRepo>;
  remove(id: string): Promise<StoredRepo>;
  reorder(ids: readonly string[]): Promise<StoredRepo[]>;
}

/** What the repo store needs. */
export interface RepoStoreOptions {
  dataDir: string;
  notify: DurableFileOptions<RepoFile>['notify'];
  now?: () => number;
  lock?: DurableFileOptions<RepoFile>['lock'];
  newId?: () => string;
}

/** The file name of the repo list inside the data folder. */
export const REPO_FILE_NAME = 'repos.json';

const sameName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;

function notFound(id: string): ChartDeskError {
  return new ChartDeskError('not-found', 'repos', `There is no repo with id ${id.slice(0, 64)}.`, { hint: 'It may have been removed in another window or by the CLI.' });
}

function nameTaken(name: string): ChartDeskError {
  return new ChartDeskError('conflict', 'repos', `A repo named “${name}” already exists.`, { hint: 'Choose another name.' });
}

function validated(repo: StoredRepo): StoredRepo {
  const result = StoredRepo.safeParse(repo);
  if (!result.success) throw new ChartDeskError('bad-request', 'repos', `The repo settings are not valid (${result.error.issues[0]?.path.join('.') ?? 'repo'}).`);
  return result.data;
}

/** Opens the repo list in `dataDir`. */
export function createRepoStore(options: RepoStoreOptions): RepoStore {
  const newId = options.newId ?? (() => randomUUID());
  const file: DurableFile<RepoFile> = createDurableFile({
    path: path.join(options.dataDir, REPO_FILE_NAME),
    format: repoFileFormat,
    what: 'your repo list',
    notify: options.notify,
    ...(options.now ? { now: options.now } : {}),
    ...(options.lock ? { lock: options.lock } : {}),
  });

  return {
    list: async () => (await file.read()).repos,
    add: (fields) =>
      file.update((doc) => {
        if (doc.repos.some((r) => sameName(r.name, fields.name))) throw nameTaken(fields.name);
        const repo = validated({ ...fields, id: newId() });
        return { next: { ...doc, repos: [...doc.repos, repo] }, result: repo };
      }),
    addMany: (all) =>
      file.update((doc) => {
        const added: StoredRepo[] = [];
        const taken: string[] = [];
        for (const fields of all) {
          if ([...doc.repos, ...added].some((r) => sameName(r.name, fields.name))) taken.push(fields.name);
          else added.push(validated({ ...fields, id: newId() }));
        }
        return { ...(added.length ? { next: { ...doc, repos: [...doc.repos, ...added] } } : {}), result: { added, taken } };
      }),
    update: (id, change) =>
      file.update((doc) => {
        const index = doc.repos.findIndex((r) => r.id === id);
        const current = doc.repos[index];
        if (!current) throw notFound(id);
        const next = validated({ ...change(current), id });
        if (doc.repos.some((r) => r.id !== id && sameName(r.name, next.name))) throw nameTaken(next.name);
        const repos = doc.repos.map((r) => (r.id === id ? next : r));
        return { next: { ...doc, repos }, result: next };
      }),
    remove: (id) =>
      file.update((doc) => {
        const current = doc.repos.find((r) => r.id === id);
        if (!current) throw notFound(id);
        return { next: { ...doc, repos: doc.repos.filter((r) => r.id !== id) }, result: current };
      }),
    reorder: (ids) =>
      file.update((doc) => {
        const byId = new Map(doc.repos.map((r) => [r.id, r]));
        if (ids.length !== byId.size || new Set(ids).size !== ids.length || ids.some((id) => !byId.has(id))) {
          throw new ChartDeskError('conflict', 'repos', 'The new order does not list exactly the current repos.', { hint: 'The list changed meanwhile; reload it and try again.' });
        }
        const repos = ids.map((id) => byId.get(id) as StoredRepo);
        return { next: { ...doc, repos }, result: repos };
      }),
  };
}
