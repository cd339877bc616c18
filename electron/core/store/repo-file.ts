/**
 * The on-disk format of the repo list (repos.json), its schema versions and the migrations
 * between them. Secrets are never part of it: `hasSecret` is computed from the vault.
 */
import { z } from 'zod';
import { Repo } from '../../contract/repos';
import { ChartDeskError } from '../errors';
import { CorruptDocumentError, type DocumentFormat } from './durable-file';

/** The schema version this build writes. */
export const REPO_FILE_VERSION = 3;

/** A repo as stored: the contract's Repo without the computed `hasSecret`. */
export const StoredRepo = Repo.omit({ hasSecret: true }).strict();
/** A stored repo record. */
export type StoredRepo = z.output<typeof StoredRepo>;

/** Version 3 (current): every repo has a kind (http or oci) and, for registries, the charts the user named. */
const RepoFileV3 = z.object({ schemaVersion: z.literal(3), repos: z.array(StoredRepo) }).strict();
/** The current document. */
export type RepoFile = z.output<typeof RepoFileV3>;

/** Version 2: only HTTP repos, TLS settings grouped under `tls`. */
const RepoV2 = StoredRepo.omit({ kind: true, charts: true }).strict();
const RepoFileV2 = z.object({ schemaVersion: z.literal(2), repos: z.array(RepoV2) }).strict();

/** v2 -> v3: every existing repo is an HTTP chart repo. */
export function migrateV2toV3(doc: z.output<typeof RepoFileV2>): RepoFile {
  return { schemaVersion: 3, repos: doc.repos.map((repo) => ({ ...repo, kind: 'http' as const, charts: [] })) };
}

/** Version 1: TLS settings sat flat on the record, named as in Helm's repositories.yaml. */
const RepoV1 = RepoV2.omit({ tls: true })
  .extend({
    caFile: z.string().optional(),
    certFile: z.string().optional(),
    keyFile: z.string().optional(),
    insecureSkipTlsVerify: z.boolean().default(false),
  })
  .strict();
const RepoFileV1 = z.object({ schemaVersion: z.literal(1), repos: z.array(RepoV1) }).strict();

/** v1 -> v2: moves the flat TLS fields into `tls`. */
export function migrateV1toV2(doc: z.output<typeof RepoFileV1>): z.output<typeof RepoFileV2> {
  return {
    schemaVersion: 2,
    repos: doc.repos.map(({ caFile, certFile, keyFile, insecureSkipTlsVerify, ...rest }) => ({
      ...rest,
      tls: { ...(caFile ? { caFile } : {}), ...(certFile ? { certFile } : {}), ...(keyFile ? { keyFile } : {}), insecureSkipVerify: insecureSkipTlsVerify },
    })),
  };
}

function checked<S extends z.ZodType>(schema: S, json: unknown): z.output<S> {
  const result = schema.safeParse(json);
  if (!result.success) throw new CorruptDocumentError(`does not match its schema (${result.error.issues[0]?.path.join('.') ?? ''})`);
  return result.data;
}

/** Reads any known version of repos.json and migrates it to the current one. */
export function parseRepoFile(json: unknown): RepoFile {
  const version = json && typeof json === 'object' ? (json as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (typeof version === 'number' && Number.isInteger(version) && version > REPO_FILE_VERSION) {
    throw new ChartDeskError('store', 'load', `The repo list was saved by a newer version of ChartDesk (format ${version}); this version reads up to format ${REPO_FILE_VERSION} and will not change it.`, {
      hint: 'Update ChartDesk.',
    });
  }
  const doc = version === 1 ? migrateV2toV3(migrateV1toV2(checked(RepoFileV1, json))) : version === 2 ? migrateV2toV3(checked(RepoFileV2, json)) : checked(RepoFileV3, json);
  const ids = new Set(doc.repos.map((r) => r.id));
  if (ids.size !== doc.repos.length) throw new CorruptDocumentError('holds the same repo id twice');
  return doc;
}

/** The repo list's document format. */
export const repoFileFormat: DocumentFormat<RepoFile> = {
  parse: parseRepoFile,
  serialize: (doc) => `${JSON.stringify(doc, null, 2)}\n`,
  empty: () => ({ schemaVersion: REPO_FILE_VERSION, repos: [] }),
};
