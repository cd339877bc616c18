/** Fetches a repo's index.yaml through the flow engine: conditional, capped, with progress and an offline fallback. */
import type { FlowClient, FlowCredentials, FlowRepo, FlowScope } from '../auth/types';
import { indexUrlOf } from '../charts/chart-url';
import { httpFailure } from '../charts/http-failure';
import { ChartDeskError } from '../errors';
import { canFallBackOffline, describeAge } from './fetch-fallback';
import type { OfflineIndexStore } from './offline-store';

/** Default cap on the size of an index.yaml. */
export const DEFAULT_MAX_INDEX_BYTES = 256 * 1024 * 1024;

/** One index fetch. */
export interface IndexFetchRequest {
  /** Offline-copy key: the repo id (or the URL for a repo that is not stored). */
  key: string;
  repo: FlowRepo;
  credentials: () => Promise<FlowCredentials>;
  /** Download in full even when the offline copy has validators. */
  unconditional?: boolean;
  scope?: FlowScope;
  signal?: AbortSignal;
  onProgress?: (receivedBytes: number, totalBytes: number | undefined) => void;
  /** The caller already holds these bytes parsed (the offline copy's sha256): a 304 or an offline fallback to that same copy then reads nothing. */
  held?: { sha256: string };
}

/** The index bytes and where they came from. */
export interface IndexFetchResult {
  bytes: Buffer;
  url: string;
  etag?: string;
  lastModified?: string;
  /** ms epoch when the server last confirmed these bytes. */
  fetchedAt: number;
  /** 'network': downloaded now; 'not-modified': the server answered 304; 'offline': the stored copy, the server being unreachable. */
  source: 'network' | 'not-modified' | 'offline';
  /** For 'offline': why the network copy could not be had, as a sentence. */
  offlineReason?: string;
  /** Stores (or refreshes) the offline copy; call it once the bytes parsed as a good index. Resolves to the copy's sha256 when there is one. */
  keep(): Promise<string | undefined>;
}

/** The server (or, offline, the stored copy) confirmed the bytes the caller holds: nothing was read. */
export type IndexStillHeld = Omit<IndexFetchResult, 'bytes'> & { unchanged: true };

/** Either new bytes, or (only when the request says what it holds) a confirmation of those. */
export type IndexRefreshResult = (IndexFetchResult & { unchanged?: undefined }) | IndexStillHeld;

/** Fetches indexes. */
export interface IndexFetcher {
  fetch(request: IndexFetchRequest & { held: { sha256: string } }): Promise<IndexRefreshResult>;
  fetch(request: IndexFetchRequest): Promise<IndexFetchResult>;
}

/** What the fetcher needs. */
export interface IndexFetcherDeps {
  flow: FlowClient;
  offline: OfflineIndexStore;
  now: () => number;
  /** Size cap (default 256 MB); a function is read on every fetch (the cap in Settings). */
  maxBytes?: number | (() => number);
}

/** Says which cap an index broke and where it is set, instead of the HTTP client's generic words. */
function indexTooLarge(error: unknown, maxBytes: number): unknown {
  if (!(error instanceof ChartDeskError) || error.kind !== 'too-large') return error;
  const mb = Math.round((maxBytes / (1024 * 1024)) * 10) / 10;
  return new ChartDeskError('too-large', error.step, `The index is larger than the ${mb} MB index size cap.`, { hint: 'Raise the index size cap in Settings if this repo really has an index that big.', cause: error });
}

/** Creates the index fetcher. */
export function createIndexFetcher(deps: IndexFetcherDeps): IndexFetcher {
  const capOf = (): number => (typeof deps.maxBytes === 'function' ? deps.maxBytes() : (deps.maxBytes ?? DEFAULT_MAX_INDEX_BYTES));

  const download = async (request: IndexFetchRequest, url: string, conditional: boolean): Promise<IndexRefreshResult> => {
    const maxBytes = capOf();
    const meta = conditional ? await deps.offline.readMeta(request.key) : undefined;
    const usable = meta && meta.url === url ? meta : undefined;
    const headers: Record<string, string> = { accept: 'application/x-yaml, application/yaml, application/json;q=0.9, */*;q=0.8' };
    if (usable?.etag) headers['if-none-match'] = usable.etag;
    if (usable?.lastModified) headers['if-modified-since'] = usable.lastModified;
    const response = await deps.flow.request({
      repo: request.repo,
      credentials: request.credentials,
      url,
      headers,
      maxBytes,
      ...(request.scope ? { scope: request.scope } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
      ...(request.onProgress ? { onProgress: request.onProgress } : {}),
    }).catch((error: unknown) => {
      throw indexTooLarge(error, maxBytes);
    });
    const now = deps.now();
    if (response.status === 304 && usable) {
      const confirmed = { etag: response.headers.etag ?? usable.etag, lastModified: response.headers['last-modified'] ?? usable.lastModified };
      // The copy is what the caller already parsed: no need to read it again.
      if (request.held?.sha256 === usable.sha256) {
        return { url, ...definedValidators(confirmed), fetchedAt: now, source: 'not-modified', unchanged: true, keep: () => deps.offline.touch(request.key, now, definedValidators(confirmed)) };
      }
      const copy = await deps.offline.read(request.key);
      // The copy went missing or bad between the two reads: ask again without validators.
      if (!copy) return download(request, url, false);
      return { bytes: copy.bytes, url, ...definedValidators(confirmed), fetchedAt: now, source: 'not-modified', keep: () => deps.offline.touch(request.key, now, definedValidators(confirmed)) };
    }
    if (response.status < 200 || response.status > 299) throw httpFailure('fetch-index', 'fetching the index', response.status);
    const validators = definedValidators({ etag: response.headers.etag, lastModified: response.headers['last-modified'] });
    return {
      bytes: response.body,
      url,
      ...validators,
      fetchedAt: now,
      source: 'network',
      keep: () => deps.offline.write(request.key, response.body, { url, ...validators, downloadedAt: now, checkedAt: now }),
    };
  };

  // One implementation for both overloads: only a request that names `held` can get IndexStillHeld back.
  const fetch = async (request: IndexFetchRequest): Promise<IndexRefreshResult> => {
    const url = indexUrlOf(request.repo.url);
    try {
      return await download(request, url, !request.unconditional);
    } catch (error) {
      if (!canFallBackOffline(error)) throw error;
      const meta = request.held ? await deps.offline.readMeta(request.key) : undefined;
      const same = meta !== undefined && meta.url === url && meta.sha256 === request.held?.sha256;
      const copy = same ? { meta, bytes: undefined } : await deps.offline.read(request.key);
      if (!copy || copy.meta.url !== url) throw error;
      const reason = error instanceof ChartDeskError ? error.message : 'The server could not be reached.';
      const fallback = {
        url,
        ...definedValidators({ etag: copy.meta.etag, lastModified: copy.meta.lastModified }),
        fetchedAt: copy.meta.checkedAt,
        source: 'offline' as const,
        offlineReason: `Showing the offline copy from ${describeAge(deps.now() - copy.meta.checkedAt)}: ${reason}`,
        keep: async () => copy.meta.sha256,
      };
      return copy.bytes ? { ...fallback, bytes: copy.bytes } : { ...fallback, unchanged: true };
    }
  };
  return { fetch: fetch as IndexFetcher['fetch'] };
}

function definedValidators(v: { etag?: string | undefined; lastModified?: string | undefined }): { etag?: string; lastModified?: string } {
  return { ...(v.etag ? { etag: v.etag } : {}), ...(v.lastModified ? { lastModified: v.lastModified } : {}) };
}
