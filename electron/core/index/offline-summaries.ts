/** The chart summaries of offline copies, decoded once per copy (a new copy, by its sha256, is decoded again). */
import { rememberRecent } from '../charts/recent-map';
import type { OfflineIndexStore } from './offline-store';
import type { ChartSummary } from './query-types';

/** Summaries of one offline copy and when its server last confirmed it. */
export interface OfflineSummaries {
  summaries: readonly ChartSummary[];
  checkedAt: number;
}

/** Reads the offline copy under `key` when it was made from `url`; `decode` turns its bytes into summaries. */
export type ReadOfflineSummaries = (key: string, url: string, decode: (bytes: Buffer) => Promise<readonly ChartSummary[]>) => Promise<OfflineSummaries | undefined>;

/** Creates the reader over `store`, remembering the decoded summaries of at most `max` copies. */
export function createOfflineSummaries(store: OfflineIndexStore, max = 64): ReadOfflineSummaries {
  const decoded = new Map<string, { sha256: string; summaries: readonly ChartSummary[] }>();
  return async (key, url, decode) => {
    const meta = await store.readMeta(key);
    if (!meta || meta.url !== url) return undefined;
    const known = decoded.get(key);
    if (known?.sha256 === meta.sha256) return { summaries: known.summaries, checkedAt: meta.checkedAt };
    const copy = await store.read(key);
    if (!copy || copy.meta.url !== url) return undefined;
    const summaries = await decode(copy.bytes);
    rememberRecent(decoded, key, { sha256: copy.meta.sha256, summaries }, max);
    return { summaries, checkedAt: copy.meta.checkedAt };
  };
}
