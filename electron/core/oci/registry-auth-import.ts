/**
 * Imports the registry logins users already have (Docker, Helm, Podman auth files): each server
 * becomes an OCI repo, its password or identity token goes to the vault (resolved through the
 * credential helper the file names), and a report says what was imported and skipped.
 */
import type { z } from 'zod';
import type { RegistryAuthImportReport } from '../../contract/repos';
import { ChartDeskError } from '../errors';
import type { RepoDraftFields, RepoService } from '../store/repo-service';
import { helperGet, type HelperRunner, helperList } from './credential-helper';
import { readAuthFile, type AuthEntry } from './registry-auth-file';
import type { RegistryAuthFile } from './registry-auth-paths';
import { CHARTDESK_HELPER, locationOfServer } from './registry-server';

type Report = z.output<typeof RegistryAuthImportReport>;

/** What the import needs. */
export interface RegistryAuthImportDeps {
  repos: RepoService;
  runHelper: HelperRunner;
  /** The CLI refuses before importing anything when secrets cannot go to the keychain. */
  requireKeychain?: boolean;
}

interface Found {
  url: string;
  server: string;
  username: string;
  secret: string;
  identityToken: boolean;
  source: string;
}

async function credentialOf(entry: AuthEntry, run: HelperRunner): Promise<Omit<Found, 'url' | 'server'>> {
  if (entry.problem) throw new ChartDeskError('bad-request', 'registry-auth', entry.problem);
  if (entry.helper) {
    const got = await helperGet(run, entry.helper, entry.server);
    return { username: got.username, secret: got.secret, identityToken: got.identityToken, source: `docker-credential-${entry.helper}` };
  }
  if (entry.identityToken) return { username: entry.username ?? '', secret: entry.identityToken, identityToken: true, source: 'the file (identity token)' };
  return { username: entry.username ?? '', secret: entry.password ?? '', identityToken: false, source: 'the file' };
}

function draftOf(found: Found): RepoDraftFields {
  const name = found.url.replace(/^oci:\/\//, '');
  const auth: RepoDraftFields['auth'] = found.identityToken
    ? { mode: 'identity-token', dialect: 'C', ...(found.username ? { username: found.username } : {}) }
    : { mode: 'basic', dialect: 'auto', username: found.username };
  return { name, url: found.url, auth, passCredentialsAll: false };
}

/** Imports every file in turn (the first file that names a registry wins). */
export async function importRegistryAuth(deps: RegistryAuthImportDeps, files: readonly RegistryAuthFile[]): Promise<Report> {
  const report: Report = { files: [], imported: [], skipped: [], keychain: await deps.repos.keychainStatus() };
  const existing = new Map((await deps.repos.list()).filter((r) => r.kind === 'oci').map((r) => [r.url, r.name]));
  const found: Found[] = [];
  for (const file of files) {
    let content;
    try {
      content = await readAuthFile(file.path);
    } catch (error) {
      report.files.push({ ...file, found: true, problem: error instanceof ChartDeskError ? error.message : 'It could not be read.' });
      continue;
    }
    report.files.push({ ...file, found: content !== undefined });
    if (!content) continue;
    const entries = [...content.entries];
    if (content.credsStore && content.credsStore !== CHARTDESK_HELPER) {
      const listed = await helperList(deps.runHelper, content.credsStore).catch(() => [] as string[]);
      for (const server of listed) if (!entries.some((e) => e.server === server)) entries.push({ server, helper: content.credsStore });
    }
    for (const entry of entries) {
      let url: string;
      try {
        url = locationOfServer(entry.server);
      } catch {
        report.skipped.push({ registry: entry.server.slice(0, 200), reason: 'It is not a registry address ChartDesk understands.' });
        continue;
      }
      if (entry.helper === CHARTDESK_HELPER) {
        report.skipped.push({ registry: url, reason: 'Its login already comes from ChartDesk’s keychain (docker-credential-chartdesk).' });
        continue;
      }
      const already = existing.get(url) ?? found.find((f) => f.url === url)?.source;
      if (already !== undefined) {
        report.skipped.push({ registry: url, reason: existing.has(url) ? `ChartDesk already has it as “${already}”.` : `Already imported from ${already} in an earlier file.` });
        continue;
      }
      try {
        const credential = await credentialOf(entry, deps.runHelper);
        if (!credential.secret) throw new ChartDeskError('bad-request', 'registry-auth', 'It holds an empty password.');
        if (!credential.identityToken && !credential.username) throw new ChartDeskError('bad-request', 'registry-auth', 'It holds a password without a user name.');
        found.push({ url, server: entry.server, ...credential, source: `${credential.source} in ${file.path}` });
      } catch (error) {
        report.skipped.push({ registry: url, reason: error instanceof ChartDeskError ? error.message : 'Its credential could not be read.' });
      }
    }
  }
  if (deps.requireKeychain && found.length && report.keychain.state !== 'available') {
    throw new ChartDeskError('keychain', 'registry-auth', `${report.keychain.detail} Nothing was imported.`);
  }
  const { added, taken } = await deps.repos.addMany(found.map((f) => ({ draft: draftOf(f), secret: f.secret })));
  for (const name of taken) report.skipped.push({ registry: name, reason: `A repo named “${name}” is already in ChartDesk.` });
  for (const repo of added) {
    const from = found.find((f) => f.url === repo.url);
    report.imported.push({ name: repo.name, repoId: repo.id, registry: repo.url, source: from?.source ?? 'the file', secretMoved: true });
  }
  report.keychain = await deps.repos.keychainStatus();
  return report;
}
