/** Imports Helm's repositories.yaml: repos into the store, passwords into the vault, a report of each entry. */
import { access, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import type { HelmImportReport } from '../../contract/repos';
import { ChartDeskError } from '../errors';
import type { RepoDraftFields, RepoService } from '../store/repo-service';
import { normalizeRepoUrl } from '../store/repo-url';
import { MAX_REPOSITORIES_FILE_BYTES, parseHelmRepositories, type HelmRepoEntry } from './repositories-file';

/** What an import reports. */
export type HelmImportResult = z.output<typeof HelmImportReport>;

/** What the import needs. */
export interface HelmImportDeps {
  repos: RepoService;
  /** cm:// URLs become http:// (HELM_REPO_USE_HTTP=true). */
  cmUsesHttp?: boolean;
  /** When true (the CLI), refuse before importing anything if passwords cannot be saved in the keychain. */
  requireKeychainForPasswords?: boolean;
}

async function readSource(file: string): Promise<string> {
  try {
    const info = await stat(file);
    if (info.size > MAX_REPOSITORIES_FILE_BYTES) throw new ChartDeskError('too-large', 'helm-import', `${file} is larger than 4 MiB; it is not a Helm repositories file.`);
    return await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof ChartDeskError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ChartDeskError('not-found', 'helm-import', `There is no Helm repositories file at ${file}.`, { hint: 'Give its path, or set HELM_REPOSITORY_CONFIG.' });
    throw new ChartDeskError('store', 'helm-import', `${file} could not be read (${code ?? 'error'}).`);
  }
}

async function tlsWarnings(entry: HelmRepoEntry): Promise<string[]> {
  const warnings: string[] = [];
  for (const [label, file] of [['caFile', entry.caFile], ['certFile', entry.certFile], ['keyFile', entry.keyFile]] as const) {
    if (!file) continue;
    if (!path.isAbsolute(file)) warnings.push(`${label} ${file} is a relative path; it is used relative to the folder ChartDesk runs in.`);
    else if (!(await access(file).then(() => true, () => false))) warnings.push(`${label} ${file} does not exist; it is kept as a reference.`);
  }
  if (entry.insecureSkipTlsVerify) warnings.push('TLS certificate verification is turned off for this repo, as in Helm.');
  return warnings;
}

function draftOf(entry: HelmRepoEntry, url: string): RepoDraftFields {
  const basic = Boolean(entry.username);
  return {
    name: entry.name,
    url,
    auth: basic ? { mode: 'basic', username: entry.username, dialect: 'auto' } : { mode: 'none', dialect: 'auto' },
    tls: { ...(entry.caFile ? { caFile: entry.caFile } : {}), ...(entry.certFile ? { certFile: entry.certFile } : {}), ...(entry.keyFile ? { keyFile: entry.keyFile } : {}), insecureSkipVerify: entry.insecureSkipTlsVerify },
    passCredentialsAll: entry.passCredentialsAll,
  };
}

/** Imports `file`: every entry is either imported (with warnings) or skipped with the reason. */
export async function importHelmRepositories(deps: HelmImportDeps, file: string): Promise<HelmImportResult> {
  const entries = parseHelmRepositories(await readSource(file), file);
  const keychain = await deps.repos.keychainStatus();
  if (deps.requireKeychainForPasswords && keychain.state !== 'available' && entries.some((e) => e.password)) {
    throw new ChartDeskError('keychain', 'helm-import', `${keychain.detail} Nothing was imported.`);
  }
  const skipped: HelmImportResult['skipped'] = [];
  const candidates: { entry: HelmRepoEntry; draft: RepoDraftFields; warnings: string[] }[] = [];
  for (const entry of entries) {
    const name = entry.name || '(no name)';
    const problem = !entry.name ? 'The entry has no name.' : !entry.url ? 'The entry has no URL.' : /^oci:\/\//i.test(entry.url) ? 'OCI registries are not classic chart repositories.' : undefined;
    if (problem) {
      skipped.push({ name, reason: problem });
      continue;
    }
    let url: string;
    try {
      url = normalizeRepoUrl(entry.url, deps.cmUsesHttp);
    } catch (error) {
      skipped.push({ name, reason: error instanceof ChartDeskError ? error.message : 'The URL is not valid.' });
      continue;
    }
    const warnings = await tlsWarnings(entry);
    if (entry.password && !entry.username) warnings.push('The entry has a password but no user name; Helm ignores such a password, so it was not imported.');
    if (/^cm:\/\//i.test(entry.url)) warnings.push(`The cm:// URL is stored as ${url}.`);
    candidates.push({ entry, draft: draftOf(entry, url), warnings });
  }
  const { added, taken } = await deps.repos.addMany(
    candidates.map(({ entry, draft }) => ({ draft, ...(entry.password && entry.username ? { secret: entry.password } : {}) })),
  );
  for (const name of taken) skipped.push({ name, reason: `A repo named “${name}” is already in ChartDesk.` });
  const imported = added.map((repo) => {
    const candidate = candidates.find((c) => c.draft.name === repo.name);
    return { name: repo.name, repoId: repo.id, passwordMoved: Boolean(candidate?.entry.password && candidate.entry.username), warnings: candidate?.warnings ?? [] };
  });
  return { path: file, imported, skipped, keychain: await deps.repos.keychainStatus() };
}
