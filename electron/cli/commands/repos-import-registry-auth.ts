/** `chartdesk repos import-registry-auth [FILE]`: imports Docker/Helm/Podman registry logins, secrets into the keychain. */
import { createHelperRunner } from '../../core/oci/credential-helper';
import { importRegistryAuth } from '../../core/oci/registry-auth-import';
import { formatOfPath } from '../../core/oci/registry-auth-paths';
import { UsageError } from '../command';
import { parseArgs } from './repos-args';
import type { ReposSubcommand } from './repos-context';
import { noticeLines } from './repos-format';

/** Imports and prints each file read, each registry imported and each skipped with the reason. */
export const reposImportRegistryAuth: ReposSubcommand = async ({ repos, registryAuthFiles }, argv, io) => {
  const args = parseArgs(argv, [], []);
  if (args.positionals.length > 1) throw new UsageError('repos import-registry-auth takes at most one file.');
  const file = args.positionals[0];
  const files = file ? [{ path: file, format: formatOfPath(file) }] : registryAuthFiles;
  const report = await importRegistryAuth({ repos, runHelper: createHelperRunner({ env: io.env }), requireKeychain: true }, files);
  const lines: string[] = [];
  for (const f of report.files) lines.push(f.problem ? `Could not use ${f.path} (${f.format}): ${f.problem}` : f.found ? `Read ${f.path} (${f.format}).` : `No ${f.format} file at ${f.path}.`);
  for (const item of report.imported) lines.push(`Imported ${item.name} (${item.registry}); its secret from ${item.source} is now in the keychain-backed vault.`);
  for (const item of report.skipped) lines.push(`Skipped ${item.registry}: ${item.reason}`);
  if (!report.imported.length && !report.skipped.length) lines.push('No registry logins were found.');
  io.stderr(noticeLines(repos.notices()));
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
};
