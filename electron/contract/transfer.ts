/** Contract schemas for moving ChartDesk to a new machine: export every repo into one file, import it. */
import { z } from 'zod';
import { KeychainStatus } from './app';

/** A passphrase for an encrypted export, as typed. */
export const Passphrase = z.string().min(1).max(1024);

/** Largest export file ChartDesk reads, characters. */
export const MAX_EXPORT_CHARS = 16 * 1024 * 1024;

/** exportAllRepos' argument: with secrets, the file is encrypted with the passphrase (typed twice in the UI). */
export const ExportAllInput = z
  .object({ withSecrets: z.boolean(), passphrase: Passphrase.optional() })
  .strict()
  .refine((input) => !input.withSecrets || input.passphrase !== undefined, { message: 'An export with secrets needs a passphrase.', path: ['passphrase'] });

/** The export file, ready to save. */
export const ExportAllResult = z.object({
  fileName: z.string(),
  content: z.string(),
  repoCount: z.number().int().nonnegative(),
  secretCount: z.number().int().nonnegative(),
  encrypted: z.boolean(),
});

/** previewImportAll's argument: the file's content (and its passphrase when it is encrypted). */
export const ImportPreviewInput = z.object({ content: z.string().min(1).max(MAX_EXPORT_CHARS), passphrase: Passphrase.optional() }).strict();

/** What importing one repo of the file would do. */
export const ImportPlanItem = z.object({
  /** Position in the file; importAllRepos' `replace` names items by it. */
  index: z.number().int().nonnegative(),
  name: z.string(),
  url: z.string(),
  /** add: new here; skip: a repo with the same name or URL exists (replace it if you choose); replace: chosen. */
  action: z.enum(['add', 'skip']),
  reason: z.string().optional(),
  /** The existing repo it would replace, when exactly one has the same name or URL. */
  replaces: z.object({ repoId: z.string(), name: z.string() }).optional(),
  hasSecret: z.boolean(),
});

/** previewImportAll's result. */
export const ImportPlan = z.object({
  encrypted: z.boolean(),
  /** ISO time the file was written. */
  exportedAt: z.string(),
  /** The ChartDesk version that wrote it. */
  exportedBy: z.string(),
  items: z.array(ImportPlanItem),
  hasSettings: z.boolean(),
  keychain: KeychainStatus,
});

/** importAllRepos' argument: the same file, the items to replace instead of skip, whether to take over its settings. */
export const ImportApplyInput = ImportPreviewInput.extend({
  replace: z.array(z.number().int().nonnegative()).max(10_000).default([]),
  applySettings: z.boolean().default(false),
}).strict();

/** What an import did. */
export const ImportResult = z.object({
  added: z.array(z.object({ name: z.string(), repoId: z.string() })),
  replaced: z.array(z.object({ name: z.string(), repoId: z.string() })),
  skipped: z.array(z.object({ name: z.string(), reason: z.string() })),
  secretsStored: z.number().int().nonnegative(),
  settingsApplied: z.boolean(),
  /** Things the user should know (a setting that could not be taken over, and why). */
  notes: z.array(z.string()),
  keychain: KeychainStatus,
});
