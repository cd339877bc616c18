/** Contract schemas for the app's settings (settings.json in the data folder; never a secret). */
import { z } from 'zod';

/** The colour theme: follow the system, or always light or dark. */
export const Theme = z.enum(['system', 'light', 'dark']);

/** A proxy URL: empty (use HTTPS_PROXY/HTTP_PROXY from the environment) or http(s) without user info. */
export const ProxyUrl = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => value === '' || /^https?:\/\/[^\s/@]+(:\d+)?\/?$/i.test(value), {
    message: 'Write the proxy as http://host:port (no user name or password: ChartDesk keeps no secret in its settings).',
  });

const seconds = (max: number, fallback: number) => z.number().int().min(1).max(max).default(fallback);

/** Every setting, with its default. Per-repo settings (a repo's own CA file) win over these defaults. */
export const Settings = z
  .object({
    theme: Theme.default('system'),
    /** TCP and TLS set-up, seconds. */
    connectTimeoutSeconds: seconds(600, 10),
    /** Longest wait for a server's answer (its response headers), seconds. */
    responseTimeoutSeconds: seconds(3600, 30),
    /** Longest pause while an answer is arriving, seconds. */
    stallTimeoutSeconds: seconds(3600, 60),
    /** Largest index.yaml ChartDesk downloads and parses, MB. */
    maxIndexMb: z.number().int().min(1).max(2048).default(256),
    /** Proxy for http and https requests; empty: from the environment. */
    proxyUrl: ProxyUrl.default(''),
    /** Hosts that bypass the proxy (NO_PROXY syntax); used with proxyUrl. */
    noProxy: z.string().trim().max(4096).default(''),
    /** A PEM file of extra certificate authorities trusted for every repo without its own CA file. */
    caFile: z.string().trim().max(4096).default(''),
    /** Load chart icons that live on another host than the repo. */
    iconsFromOtherHosts: z.boolean().default(true),
    /** An index last confirmed longer ago than this counts as stale, minutes. */
    indexFreshMinutes: z.number().int().min(1).max(10_080).default(30),
    /** The chart package cache is kept under this size (least recently used out first), MB; 0: no limit. */
    packageCacheLimitMb: z.number().int().min(0).max(1_000_000).default(1024),
    /** Keep secrets in memory for the session only: the keychain and the vault are not used. */
    sessionOnly: z.boolean().default(false),
    /** Let `docker login` and `helm registry login` save logins in ChartDesk through docker-credential-chartdesk (store, erase). */
    credentialHelperWrites: z.boolean().default(false),
  })
  .strict();

/** updateSettings' argument: the settings to change. */
export const SettingsChanges = z
  .object({
    theme: Theme,
    connectTimeoutSeconds: z.number().int().min(1).max(600),
    responseTimeoutSeconds: z.number().int().min(1).max(3600),
    stallTimeoutSeconds: z.number().int().min(1).max(3600),
    maxIndexMb: z.number().int().min(1).max(2048),
    proxyUrl: ProxyUrl,
    noProxy: z.string().trim().max(4096),
    caFile: z.string().trim().max(4096),
    iconsFromOtherHosts: z.boolean(),
    indexFreshMinutes: z.number().int().min(1).max(10_080),
    packageCacheLimitMb: z.number().int().min(0).max(1_000_000),
    sessionOnly: z.boolean(),
    credentialHelperWrites: z.boolean(),
  })
  .partial()
  .strict();

/** The settings with their defaults filled in. */
export type SettingsValues = z.output<typeof Settings>;

/** What settings are at first start. */
export function defaultSettings(): SettingsValues {
  return Settings.parse({});
}
