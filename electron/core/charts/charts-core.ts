/** Builds the chart-side services (chart sources of both repo kinds, versions, icons) from their dependencies. */
import path from 'node:path';
import type { z } from 'zod';
import type { IndexProgress } from '../../contract/packages';
import type { FlowClient } from '../auth/types';
import { createChartMuseumClient } from '../chartmuseum/client';
import type { RepoRecord } from '../context';
import { createIndexFetcher } from '../index/fetch-index';
import { createOfflineIndexStore } from '../index/offline-store';
import type { Logger } from '../log';
import { createDigestCache } from '../oci/digest-cache';
import { CACHE_DIRS } from '../storage/cache-folders';
import { createReferencePuller } from '../oci/reference-pull';
import type { RegistryLimits } from '../oci/registry-api';
import { createRegistrySource } from '../oci/registry-source';
import { DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from './archive-limits';
import { createIconFetcher } from './chart-icon';
import { createChartPublisher } from './chart-publish';
import type { ChartSource } from './chart-source';
import { createChartSources, type ChartSources } from './chart-sources';
import { createChartVersions, type ChartVersions } from './chart-versions';
import { createHeldCharts } from './held-charts';
import { createHttpSource } from './http-source';
import { createOfflineSummaries } from '../index/offline-summaries';
import { createIndexSessions, type ParseIndex, type RepoAccess } from './index-sessions';
import { createPackageCache } from './package-cache';
import { createPackageFetcher } from './package-fetch';

/** Everything chart-related the handlers and the CLI use. */
export interface ChartsCore {
  /** Each repo's chart source (index.yaml or registry). */
  sources: ChartSources;
  versions: ChartVersions;
  limits: ArchiveLimits;
}


/** What the chart services need. */
export interface ChartsCoreDeps {
  flow: FlowClient;
  repos: RepoAccess;
  /** The index engine's parser (a worker per parse). */
  parse: ParseIndex;
  /** Starts the parser's next worker early (while an index downloads). */
  prepareParse?: () => void;
  /** Caches go under the data folder (see storage/cache-folders.ts). */
  dataDir: string;
  log: Logger;
  now?: () => number;
  onProgress?: (progress: z.output<typeof IndexProgress>) => void;
  /** Told when a repo's chart list changed without being asked (a registry's charts read in the background). */
  onChanged?: (repoId: string) => void;
  /** Index size cap (default 256 MB); a function is read on every fetch (Settings). */
  maxIndexBytes?: number | (() => number);
  limits?: ArchiveLimits;
  registryLimits?: RegistryLimits;
  /** The stored OCI repo whose location covers an oci:// chart reference, for mixed indexes (default: none, pulls go anonymous). */
  ociRepoFor?: (reference: string) => Promise<RepoRecord | undefined>;
  /** Adds a chart name to an OCI repo's list (after a push to a registry that does not list its repositories). */
  rememberChart?: (repoId: string, chart: string) => Promise<unknown>;
  /** Registry charts read at once (default 8). */
  registryConcurrency?: number;
  /** Registry blobs above this size are uploaded in chunks (default 8 MiB). */
  chunkBytes?: number;
  /** The user's settings, read on every use: freshness window, icons from other hosts, package cache size limit. */
  live?: { staleAfterMs: () => number; iconsFromOtherHosts: () => boolean; packageCacheLimitBytes: () => number | undefined };
}

/** Wires the chart services together. */
export function createChartsCore(deps: ChartsCoreDeps): ChartsCore {
  const now = deps.now ?? Date.now;
  const limits = deps.limits ?? DEFAULT_ARCHIVE_LIMITS;
  const onProgress = deps.onProgress ?? (() => {});
  const warn = (what: string) => (error: unknown) => deps.log.warn(what, { error: error instanceof Error ? error.message : String(error) });
  const offline = createOfflineIndexStore(path.join(deps.dataDir, CACHE_DIRS.offlineIndexes));
  const fetcher = createIndexFetcher({ flow: deps.flow, offline, now, ...(deps.maxIndexBytes ? { maxBytes: deps.maxIndexBytes } : {}) });
  const sessions = createIndexSessions({ repos: deps.repos, fetcher, parse: deps.parse, ...(deps.prepareParse ? { prepareParse: deps.prepareParse } : {}), now, log: deps.log, onProgress, ...(deps.live ? { staleAfterMs: deps.live.staleAfterMs } : {}) });
  const cache = createPackageCache({
    dir: path.join(deps.dataDir, CACHE_DIRS.chartPackages),
    onWriteError: warn('could not cache a chart package'),
    ...(deps.live ? { limitBytes: deps.live.packageCacheLimitBytes } : {}),
  });
  const digests = createDigestCache({ dir: path.join(deps.dataDir, CACHE_DIRS.registryBlobs), onWriteError: warn('could not cache a registry blob') });
  const packages = createPackageFetcher({ flow: deps.flow, cache, limits });
  const publisher = createChartPublisher({ repos: deps.repos, sessions, client: createChartMuseumClient(deps.flow), limits, log: deps.log });
  const icons = createIconFetcher({ flow: deps.flow, now, ...(deps.live ? { otherHosts: deps.live.iconsFromOtherHosts } : {}) });
  const credentials = (repoId: string) => deps.repos.credentials(repoId);
  const cached = createHeldCharts({ sessions, offline: createOfflineSummaries(offline), parse: deps.parse });

  const sources: ChartSources = createChartSources({
    repos: deps.repos,
    factories: {
      http: (repo) => createHttpSource(repo, { sessions, packages, oci: referencePuller, flow: deps.flow, publisher, icons, credentials, cached }),
      oci: (repo) =>
        createRegistrySource(repo, {
          flow: deps.flow,
          credentials,
          digests,
          packages: cache,
          offline,
          icons,
          limits,
          now,
          onProgress,
          log: deps.log,
          ...(deps.live ? { staleAfterMs: deps.live.staleAfterMs } : {}),
          ...(deps.registryLimits ? { registryLimits: deps.registryLimits } : {}),
          ...(deps.rememberChart ? { rememberChart: deps.rememberChart } : {}),
          ...(deps.onChanged ? { onChanged: deps.onChanged } : {}),
          ...(deps.registryConcurrency ? { concurrency: deps.registryConcurrency } : {}),
          ...(deps.chunkBytes ? { chunkBytes: deps.chunkBytes } : {}),
        }),
    },
  });
  const sourceFor = async (reference: string): Promise<ChartSource | undefined> => {
    const repo = await deps.ociRepoFor?.(reference);
    return repo ? sources.forRepo(repo.id) : undefined;
  };
  const referencePuller = createReferencePuller({ flow: deps.flow, digests, packages: cache, limits, sourceFor });
  const versions = createChartVersions({ sources, limits });
  return { sources, versions, limits };
}
