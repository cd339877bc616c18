import { z } from 'zod';

/** How the UI reaches the core. */
export const Transport = z.enum(['electron', 'browser']);

/** Whether secrets can be kept in the OS keychain. */
export const KeychainStatus = z.object({
  state: z.enum(['available', 'locked', 'missing', 'session-only']),
  /** A sentence for the UI: what this means and, when missing, what to install. */
  detail: z.string(),
});

/** Facts about the running app. */
export const AppInfo = z.object({
  name: z.literal('ChartDesk'),
  version: z.string(),
  transport: Transport,
  platform: z.string(),
  keychain: KeychainStatus,
  /** Folder that holds the repo store and caches. */
  dataDir: z.string(),
});
