/** The parsed indexes the core holds per repo: opened once, refreshed on demand, never sent whole to the UI. */
import type { z } from 'zod';
import type { IndexProgress, IndexSummary } from '../../contract/packages';
import type { FlowCredentials } from '../auth/types';
import type { RepoRecord } from '../context';
import type { IndexFetcher, IndexFetchResult, IndexRefreshResult } from '../index/fetch-index';
import { throttleProgress } from '../index/fetch-progress';
import type { ChartIndex } from '../index/query-index';
import type { ChartSummary, IndexInfo } from '../index/query-types';
import type { Logger } from '../log';
import { ChartDeskError } from '../errors';
import { rememberRecent } from './recent-map';

/** Parses index bytes into a queryable index (the index engine's worker parser); `onPreview` hears the first charts early. */
export type ParseIndex = (bytes: Buffer, options?: { onPreview?: (charts: ChartSummary[]) => void }) => Promise<ChartIndex>;

/** The repos and their credentials (the repo service satisfies this). */
export interface RepoAccess {
  get(repoId: string): Promise<RepoRecord>;
  credentials(repoId: string): Promise<FlowCredentials>;
}

/** An index held in memory. */
export interface LoadedIndex {
  repo: RepoRecord;
  index: ChartIndex;
  info: IndexInfo;
  fetched: Omit<IndexFetchResult, 'bytes' | 'keep'> & { size: number; /** sha256 of the offline copy these bytes are stored as, when stored. */ copySha256?: string };
}

/** What the sessions know of an open index (the source adds what the repo allows). */
export type IndexSessionSummary = Omit<z.output<typeof IndexSummary>, 'kind' | 'capabilities' | 'discovery' | 'discoveryNote'>;

/** The open indexes. */
export interface IndexSessions {
  /** Opens (or with refresh, re-checks) a repo's index and summarizes it. */
  open(repoId: string, refresh: boolean): Promise<IndexSessionSummary>;
  /** The loaded index, opening it first when needed. */
  loaded(repoId: string): Promise<LoadedIndex>;
  /** Drops a repo's index so the next use fetches again (after a push or delete). */
  forget(repoId: string): void;
  /** The index held in memory, without opening it or asking the server. */
  held(repoId: string): LoadedIndex | undefined;
}

/** What the sessions need. */
export interface IndexSessionsDeps {
  repos: RepoAccess;
  fetcher: IndexFetcher;
  parse: ParseIndex;
  /** Starts the parser's worker while the index downloads. */
  prepareParse?: () => void;
  now: () => number;
  onProgress: (progress: z.output<typeof IndexProgress>) => void;
  log: Logger;
  /** An index confirmed longer ago than this counts as stale (default 30 minutes); a function is read on every summary (Settings). */
  staleAfterMs?: number | (() => number);
  /** Most indexes kept in memory at once, least recently used dropped first (default 6). */
  maxLoaded?: number;
}

const MAX_WARNINGS = 100;

/** A finished load: the entry, and whether it is the one held before (the server confirmed it). */
interface Loaded {
  entry: LoadedIndex;
  unchanged: boolean;
}

/** Creates the sessions. Concurrent opens of one repo share one fetch. */
export function createIndexSessions(deps: IndexSessionsDeps): IndexSessions {
  const loaded = new Map<string, LoadedIndex>();
  const pending = new Map<string, Promise<Loaded>>();
  const staleAfter = (): number => (typeof deps.staleAfterMs === 'function' ? deps.staleAfterMs() : (deps.staleAfterMs ?? 30 * 60_000));

  /** Fetches and parses; with `held` (a refresh) a 304 for those same bytes keeps the parsed index as it is. */
  const load = async (repoId: string, held?: LoadedIndex): Promise<Loaded> => {
    const repo = await deps.repos.get(repoId);
    const report = throttleProgress((receivedBytes, totalBytes) => deps.onProgress({ repoId, phase: 'download', receivedBytes, ...(totalBytes !== undefined ? { totalBytes } : {}) }), deps.now);
    // A body is coming (a 304 has none): start the parse worker while it downloads.
    const progress = (receivedBytes: number, totalBytes: number | undefined) => {
      deps.prepareParse?.();
      report(receivedBytes, totalBytes);
    };
    const sameCopy = held?.fetched.copySha256 !== undefined && held.repo.url === repo.url ? { sha256: held.fetched.copySha256 } : undefined;
    const request = { key: repo.id, repo, credentials: () => deps.repos.credentials(repo.id), onProgress: progress };
    const result: IndexRefreshResult = sameCopy ? await deps.fetcher.fetch({ ...request, held: sameCopy }) : await deps.fetcher.fetch(request);
    const keep = () => result.keep().catch((error: unknown) => void deps.log.warn('could not store the offline index copy', { repoId, error: error instanceof Error ? error.message : String(error) }));
    if (result.unchanged && held) {
      const { keep: _keep, unchanged: _unchanged, ...fetched } = result;
      // The copy is the one held (same sha256): recording the confirmation time on disk need not hold up the answer.
      void keep();
      deps.onProgress({ repoId, phase: 'done', receivedBytes: 0 });
      return remember(repoId, { ...held, repo, fetched: { ...fetched, size: held.fetched.size, ...(held.fetched.copySha256 ? { copySha256: held.fetched.copySha256 } : {}) } }, true);
    }
    if (result.unchanged) throw new ChartDeskError('internal', 'fetch-index', 'The index was confirmed unchanged, but none is held.');
    const size = result.bytes.length;
    deps.onProgress({ repoId, phase: 'parse', receivedBytes: size, totalBytes: size });
    const onPreview = (charts: ChartSummary[]) => deps.onProgress({ repoId, phase: 'parse', receivedBytes: size, totalBytes: size, preview: charts });
    const index = await deps.parse(result.bytes, { onPreview });
    const copySha256 = await keep();
    deps.onProgress({ repoId, phase: 'done', receivedBytes: size, totalBytes: size });
    const { bytes: _bytes, keep: _keep, ...fetched } = result;
    return remember(repoId, { repo, index, info: index.info(), fetched: { ...fetched, size, ...(copySha256 ? { copySha256 } : {}) } }, false);
  };

  const remember = (repoId: string, entry: LoadedIndex, unchanged: boolean): Loaded => {
    rememberRecent(loaded, repoId, entry, deps.maxLoaded ?? 6);
    return { entry, unchanged };
  };

  const loadOnce = (repoId: string, held?: LoadedIndex): Promise<Loaded> => {
    const running = pending.get(repoId);
    if (running) return running;
    const promise = load(repoId, held).finally(() => pending.delete(repoId));
    pending.set(repoId, promise);
    return promise;
  };

  const current = async (repoId: string): Promise<LoadedIndex | undefined> => {
    const entry = loaded.get(repoId);
    if (!entry) return undefined;
    const repo = await deps.repos.get(repoId);
    if (repo.url !== entry.repo.url) return undefined;
    const fresh = { ...entry, repo };
    rememberRecent(loaded, repoId, fresh, deps.maxLoaded ?? 6);
    return fresh;
  };

  const summarize = (repoId: string, entry: LoadedIndex, fromMemory: boolean, unchanged = false): IndexSessionSummary => {
    const now = deps.now();
    const ageMs = Math.max(0, now - entry.fetched.fetchedAt);
    const offline = entry.fetched.source === 'offline';
    return {
      repoId,
      indexUrl: entry.fetched.url,
      chartCount: entry.info.chartCount,
      versionCount: entry.info.versionCount,
      fetchedAt: entry.fetched.fetchedAt,
      ageMs,
      source: fromMemory ? 'memory' : entry.fetched.source,
      offline,
      ...(entry.fetched.offlineReason ? { offlineReason: entry.fetched.offlineReason } : {}),
      stale: offline || ageMs > staleAfter(),
      bytes: entry.fetched.size,
      warnings: entry.info.warnings.slice(0, MAX_WARNINGS).map((warning) => warning.message),
      warningCount: entry.info.warningCount,
      servedByChartMuseum: entry.info.servedByChartMuseum,
      ...(entry.fetched.etag ? { etag: entry.fetched.etag } : {}),
      ...(entry.fetched.lastModified ? { lastModified: entry.fetched.lastModified } : {}),
      ...(unchanged ? { unchanged } : {}),
    };
  };

  return {
    async open(repoId, refresh) {
      const existing = await current(repoId);
      if (existing && !refresh) return summarize(repoId, existing, true);
      const { entry, unchanged } = await loadOnce(repoId, existing);
      return summarize(repoId, entry, false, unchanged);
    },
    async loaded(repoId) {
      return (await current(repoId)) ?? (await loadOnce(repoId)).entry;
    },
    forget(repoId) {
      loaded.delete(repoId);
    },
    held: (repoId) => loaded.get(repoId),
  };
}
