/** `chartdesk repos import-helm [--file PATH]`: imports Helm's repositories.yaml, passwords into the keychain. */
import { importHelmRepositories } from '../../core/helm/import-repos';
import { UsageError } from '../command';
import { parseArgs } from './repos-args';
import type { ReposSubcommand } from './repos-context';
import { noticeLines } from './repos-format';
import { safeLine } from '../terminal-text';

/** Imports and prints what was imported, what was skipped and why. */
export const reposImportHelm: ReposSubcommand = async ({ repos, helmRepositoryConfig, cmUsesHttp }, argv, io) => {
  const args = parseArgs(argv, ['file'], []);
  if (args.positionals.length) throw new UsageError('repos import-helm takes no arguments (use --file PATH).');
  const report = await importHelmRepositories({ repos, cmUsesHttp, requireKeychainForPasswords: true }, args.values.get('file') ?? helmRepositoryConfig);
  const lines = [`Read ${report.path}.`];
  for (const item of report.imported) {
    lines.push(`Imported ${item.name}${item.passwordMoved ? ' (password moved to the keychain-backed vault)' : ''}.`);
    for (const warning of item.warnings) lines.push(`  note: ${warning}`);
  }
  for (const item of report.skipped) lines.push(`Skipped ${item.name}: ${item.reason}`);
  if (report.imported.some((i) => i.passwordMoved)) {
    lines.push(`Helm's file still holds those passwords in plain text; once ChartDesk works for you, remove them from ${report.path}.`);
  }
  io.stderr(noticeLines(repos.notices()));
  io.stdout(`${lines.map(safeLine).join('\n')}\n`);
  return 0;
};
