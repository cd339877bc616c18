/** The settings as the services read them: getters over the store, so a change applies to the next use, without a restart. */
import type { HttpDefaults } from '../http/options';
import { httpDefaultsOf, maxIndexBytesOf, packageCacheLimitOf, staleAfterMsOf } from './setting-values';
import type { SettingsStore } from './settings-store';

/** One getter per service that depends on a setting. */
export interface LiveSettings {
  /** Timeouts, proxy and the extra CA file for the HTTP client. */
  httpDefaults: () => HttpDefaults;
  /** The index size cap, bytes. */
  maxIndexBytes: () => number;
  /** For the chart services: freshness window, icons from other hosts, package cache limit. */
  charts: { staleAfterMs: () => number; iconsFromOtherHosts: () => boolean; packageCacheLimitBytes: () => number | undefined };
  /** Session-only mode for the vault. */
  sessionOnly: () => boolean;
  /** Whether docker-credential-chartdesk may save logins other tools give it (store, erase). */
  credentialHelperWrites: () => boolean;
}

/** Getters over `store.current()`. */
export function liveSettings(store: Pick<SettingsStore, 'current'>): LiveSettings {
  return {
    httpDefaults: () => httpDefaultsOf(store.current()),
    maxIndexBytes: () => maxIndexBytesOf(store.current()),
    charts: {
      staleAfterMs: () => staleAfterMsOf(store.current()),
      iconsFromOtherHosts: () => store.current().iconsFromOtherHosts,
      packageCacheLimitBytes: () => packageCacheLimitOf(store.current()),
    },
    sessionOnly: () => store.current().sessionOnly,
    credentialHelperWrites: () => store.current().credentialHelperWrites,
  };
}
