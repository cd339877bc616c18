/** Contract schemas for storage (cache sizes, clearing), the secrets vault, About and diagnostics. */
import { z } from 'zod';
import { KeychainStatus, Transport } from './app';

/** One cache folder inside the data folder and what it holds now. */
export const CacheUsage = z.object({
  /** Stable id, e.g. 'index-offline' or 'chart-cache'. */
  id: z.string(),
  label: z.string(),
  /** What it holds, in a sentence. */
  description: z.string(),
  /** Absolute folder path. */
  folder: z.string(),
  /** Sum of the sizes of its files, bytes. */
  bytes: z.number().int().nonnegative(),
  files: z.number().int().nonnegative(),
  /** The size it is kept under (least recently used out first), bytes; absent: no limit. */
  limitBytes: z.number().int().nonnegative().optional(),
});

/** storageReport's result. */
export const StorageReport = z.object({
  dataDir: z.string(),
  caches: z.array(CacheUsage),
  totalBytes: z.number().int().nonnegative(),
  /** Whether this host can open the data folder in the file manager (the desktop app). */
  canOpenFolder: z.boolean(),
});

/** clearCache's argument: one cache by id, or every cache. */
export const ClearCacheInput = z.object({ cache: z.string().min(1).max(64) }).strict();

/** What clearCache removed. */
export const ClearCacheResult = z.object({ removedFiles: z.number().int().nonnegative(), removedBytes: z.number().int().nonnegative(), report: StorageReport });

/** How many secrets ChartDesk holds and where. */
export const SecretsSummary = z.object({
  /** Secrets stored (in the vault, or in memory this session). */
  count: z.number().int().nonnegative(),
  keychain: KeychainStatus,
  sessionOnly: z.boolean(),
});

/** forgetAllSecrets' argument: the count the user confirmed, so a secret added meanwhile is not forgotten unseen. */
export const ForgetSecretsInput = z.object({ expectedCount: z.number().int().nonnegative() }).strict();

/** What forgetAllSecrets did. */
export const ForgetSecretsResult = z.object({
  forgotten: z.number().int().nonnegative(),
  /** Whether the vault key in the OS keychain was removed (false when there was none or it could not be reached). */
  keychainEntryRemoved: z.boolean(),
  /** A sentence for the user. */
  message: z.string(),
  keychain: KeychainStatus,
});

/** Versions and places, for the About section. */
export const AboutInfo = z.object({
  name: z.literal('ChartDesk'),
  version: z.string(),
  transport: Transport,
  platform: z.string(),
  arch: z.string(),
  versions: z.object({ node: z.string(), electron: z.string().optional(), chrome: z.string().optional(), v8: z.string().optional() }),
  dataDir: z.string(),
  settingsFile: z.string(),
  canOpenFolder: z.boolean(),
});

/** diagnostics' argument: what the UI knows that the core does not (the browser's user agent). */
export const DiagnosticsInput = z.object({ userAgent: z.string().max(512).optional() }).strict();

/** A plain-text report for a bug report; never holds a secret, token or URL query. */
export const DiagnosticsReport = z.object({ text: z.string() });
