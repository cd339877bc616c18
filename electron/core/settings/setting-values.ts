/** What each setting means to the services that use it, in their units (ms, bytes). */
import type { SettingsValues } from '../../contract/settings';
import type { HttpDefaults } from '../http/options';

const MB = 1024 * 1024;

/** The HTTP client's defaults: timeouts, the proxy (when set; else the environment's) and the extra CA file. */
export function httpDefaultsOf(settings: SettingsValues): HttpDefaults {
  const proxy = settings.proxyUrl.trim();
  return {
    connectTimeoutMs: settings.connectTimeoutSeconds * 1000,
    headersTimeoutMs: settings.responseTimeoutSeconds * 1000,
    bodyTimeoutMs: settings.stallTimeoutSeconds * 1000,
    ...(proxy ? { proxy: { httpProxy: proxy, httpsProxy: proxy, noProxy: settings.noProxy.trim() || undefined } } : {}),
    ...(settings.caFile.trim() ? { extraCaFile: settings.caFile.trim() } : {}),
  };
}

/** The largest index.yaml, bytes. */
export function maxIndexBytesOf(settings: SettingsValues): number {
  return settings.maxIndexMb * MB;
}

/** How long an index counts as fresh, ms. */
export function staleAfterMsOf(settings: SettingsValues): number {
  return settings.indexFreshMinutes * 60_000;
}

/** The size the chart package cache is kept under, bytes; undefined: no limit. */
export function packageCacheLimitOf(settings: SettingsValues): number | undefined {
  return settings.packageCacheLimitMb > 0 ? settings.packageCacheLimitMb * MB : undefined;
}
