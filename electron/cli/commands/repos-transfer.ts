/**
 * `chartdesk repos export-all FILE [--with-secrets] [--force]` and `chartdesk repos import-all FILE
 * [--replace] [--settings] [--dry-run]`: moving ChartDesk to a new machine. Passphrases come from
 * CHARTDESK_PASSPHRASE, stdin or the terminal, never from arguments.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { MAX_EXPORT_CHARS } from '../../contract/transfer';
import { ChartDeskError } from '../../core/errors';
import { writeFileAtomic } from '../../core/store/atomic-write';
import { storeError } from '../../core/store/store-errors';
import { readExportInfo } from '../../core/transfer/export-file';
import { UsageError } from '../command';
import { readPassphrase } from '../passphrase';
import { parseArgs } from './repos-args';
import type { ReposSubcommand } from './repos-context';
import { noticeLines } from './repos-format';

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** Writes every repo (and the settings) to FILE; with --with-secrets, encrypted with a passphrase. */
export const reposExportAll: ReposSubcommand = async ({ transfer: openTransfer }, argv, io) => {
  const args = parseArgs(argv, [], ['with-secrets', 'force']);
  const [file, ...extra] = args.positionals;
  if (!file || extra.length) throw new UsageError('repos export-all needs exactly one FILE to write.');
  const target = path.resolve(file);
  if (!args.switches.has('force') && (await fs.stat(target).catch(() => undefined))) {
    throw new ChartDeskError('conflict', 'export', `${file} exists already; nothing was written.`, { hint: 'Choose another name, or pass --force to replace it.' });
  }
  const withSecrets = args.switches.has('with-secrets');
  const passphrase = withSecrets ? await readPassphrase(io, true) : undefined;
  const transfer = await openTransfer();
  const result = await transfer.exportAll({ withSecrets, passphrase });
  await writeFileAtomic(target, result.content, 0o600).catch((error: unknown) => {
    throw storeError(error, 'export', `write ${file}`);
  });
  const what = withSecrets ? `${plural(result.secretCount, 'secret')}, encrypted with your passphrase` : 'no secrets';
  io.stdout(`Exported ${plural(result.repoCount, 'repo')} and the settings (${what}) to ${file}.\n`);
  return 0;
};

/** Reads FILE, prints what it adds, skips or replaces, and imports (secrets into this machine's keychain-backed vault). */
export const reposImportAll: ReposSubcommand = async ({ transfer: openTransfer, repos }, argv, io) => {
  const args = parseArgs(argv, [], ['replace', 'settings', 'dry-run']);
  const [file, ...extra] = args.positionals;
  if (!file || extra.length) throw new UsageError('repos import-all needs exactly one FILE to read.');
  const stat = await fs.stat(file).catch(() => undefined);
  if (!stat?.isFile()) throw new ChartDeskError('not-found', 'read-export', `There is no file at ${file.slice(0, 300)}.`);
  if (stat.size > MAX_EXPORT_CHARS) throw new ChartDeskError('too-large', 'read-export', `${file.slice(0, 300)} is larger than an export file can be (16 MB).`);
  const content = await fs.readFile(file, 'utf8');
  const passphrase = readExportInfo(content).encrypted ? await readPassphrase(io, false) : undefined;
  const transfer = await openTransfer();
  const plan = await transfer.preview(content, passphrase);
  const replacing = args.switches.has('replace');
  const secretCount = plan.items.filter((i) => i.hasSecret).length;
  const lines = [`${file}: ${plural(plan.items.length, 'repo')} exported ${plan.exportedAt} by ${plan.exportedBy}${plan.encrypted ? ` (encrypted, ${plural(secretCount, 'secret')})` : ' (no secrets)'}.`];
  for (const item of plan.items) {
    if (item.action === 'add') lines.push(`  add      ${item.name}  ${item.url}${item.hasSecret ? '  (with its secret)' : ''}`);
    else if (replacing && item.replaces) lines.push(`  replace  ${item.replaces.name} with ${item.name}  ${item.url}${item.hasSecret ? '  (with its secret)' : ''}`);
    else lines.push(`  skip     ${item.name}: ${item.reason ?? ''}${item.replaces && !replacing ? ' (--replace replaces it)' : ''}`);
  }
  io.stdout(`${lines.join('\n')}\n`);
  if (args.switches.has('dry-run')) return 0;
  const replace = replacing ? plan.items.filter((i) => i.action === 'skip' && i.replaces).map((i) => i.index) : [];
  const result = await transfer.importAll(content, { passphrase, replace, applySettings: args.switches.has('settings') });
  const secrets = result.secretsStored ? `; ${plural(result.secretsStored, 'secret')} stored in the keychain-backed vault` : '';
  const settings = result.settingsApplied ? '; settings taken over' : '';
  io.stderr(noticeLines(repos.notices()));
  for (const note of result.notes) io.stderr(`Note: ${note}\n`);
  io.stdout(`Imported: ${result.added.length} added, ${result.replaced.length} replaced, ${result.skipped.length} skipped${secrets}${settings}.\n`);
  return 0;
};
