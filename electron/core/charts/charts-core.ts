/** Builds the chart-side services (indexes, packages, icons, push/delete) from their dependencies. */
import path from 'node:path';
import type { z } from 'zod';
import type { IndexProgress } from '../../contract/packages';
import type { FlowClient } from '../auth/types';
import { createChartMuseumClient } from '../chartmuseum/client';
import { ChartDeskError } from '../errors';
import { createIndexFetcher, type IndexFetcher } from '../index/fetch-index';
import { createOfflineIndexStore } from '../index/offline-store';
import type { Logger } from '../log';
import { DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from './archive-limits';
import { createIconFetcher, type IconResult } from './chart-icon';
import { createChartPublisher, type ChartPublisher } from './chart-publish';
import { createChartVersions, type ChartVersions } from './chart-versions';
import { createIndexSessions, type IndexSessions, type ParseIndex, type RepoAccess } from './index-sessions';
import { createPackageCache } from './package-cache';
import { createPackageFetcher, type PackageFetcher } from './package-fetch';

/** Everything chart-related the handlers and the CLI use. */
export interface ChartsCore {
  fetcher: IndexFetcher;
  sessions: IndexSessions;
  packages: PackageFetcher;
  versions: ChartVersions;
  publisher: ChartPublisher;
  /** A chart's icon (its newest version's) as a data: URL. */
  icon(repoId: string, name: string): Promise<IconResult>;
  limits: ArchiveLimits;
}

/** What the chart services need. */
export interface ChartsCoreDeps {
  flow: FlowClient;
  repos: RepoAccess;
  /** The index engine's parser (a worker per parse). */
  parse: ParseIndex;
  /** Offline index copies go under <dataDir>/index-offline, packages under <dataDir>/chart-cache. */
  dataDir: string;
  log: Logger;
  now?: () => number;
  onProgress?: (progress: z.output<typeof IndexProgress>) => void;
  /** Index size cap (default 256 MB); a function is read on every fetch (Settings). */
  maxIndexBytes?: number | (() => number);
  limits?: ArchiveLimits;
  /** The user's settings, read on every use: freshness window, icons from other hosts, package cache size limit. */
  live?: { staleAfterMs: () => number; iconsFromOtherHosts: () => boolean; packageCacheLimitBytes: () => number | undefined };
}

/** Wires the chart services together. */
export function createChartsCore(deps: ChartsCoreDeps): ChartsCore {
  const now = deps.now ?? Date.now;
  const limits = deps.limits ?? DEFAULT_ARCHIVE_LIMITS;
  const fetcher = createIndexFetcher({
    flow: deps.flow,
    offline: createOfflineIndexStore(path.join(deps.dataDir, 'index-offline')),
    now,
    ...(deps.maxIndexBytes ? { maxBytes: deps.maxIndexBytes } : {}),
  });
  const sessions = createIndexSessions({ repos: deps.repos, fetcher, parse: deps.parse, now, log: deps.log, onProgress: deps.onProgress ?? (() => {}), ...(deps.live ? { staleAfterMs: deps.live.staleAfterMs } : {}) });
  const cache = createPackageCache({
    dir: path.join(deps.dataDir, 'chart-cache'),
    onWriteError: (error) => deps.log.warn('could not cache a chart package', { error: error instanceof Error ? error.message : String(error) }),
    ...(deps.live ? { limitBytes: deps.live.packageCacheLimitBytes } : {}),
  });
  const packages = createPackageFetcher({ flow: deps.flow, cache, limits });
  const versions = createChartVersions({ sessions, repos: deps.repos, packages, limits });
  const publisher = createChartPublisher({ repos: deps.repos, sessions, client: createChartMuseumClient(deps.flow), limits, log: deps.log });
  const icons = createIconFetcher({ flow: deps.flow, now, ...(deps.live ? { otherHosts: deps.live.iconsFromOtherHosts } : {}) });
  return {
    fetcher,
    sessions,
    packages,
    versions,
    publisher,
    limits,
    async icon(repoId, name) {
      const loaded = await sessions.loaded(repoId);
      const summary = loaded.index.summary(name);
      if (!summary) throw new ChartDeskError('not-found', 'chart-icon', `The index has no chart called ${name}.`);
      return icons.get({ repo: loaded.repo, credentials: () => deps.repos.credentials(repoId), icon: summary.icon });
    },
  };
}
