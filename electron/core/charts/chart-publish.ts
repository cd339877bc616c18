/** Push and delete through ChartMuseum's API, for a repo of the store. */
import type { z } from 'zod';
import type { DeleteResult, PushResult } from '../../contract/packages';
import { chartMuseumChartsUrl } from '../chartmuseum/api-base';
import type { ChartMuseumClient } from '../chartmuseum/client';
import { ChartDeskError } from '../errors';
import type { Logger } from '../log';
import type { ArchiveLimits } from './archive-limits';
import { readChartArchive } from './chart-archive';
import type { IndexSessions, RepoAccess } from './index-sessions';

/** Push and delete. */
export interface ChartPublisher {
  /** Uploads a package; with `provenance` (a .prov's text) both go up in one form, as helm cm-push does. */
  push(repoId: string, bytes: Buffer, force: boolean, provenance?: string): Promise<z.output<typeof PushResult>>;
  remove(repoId: string, name: string, version: string): Promise<z.output<typeof DeleteResult>>;
}

/** What the publisher needs. */
export interface ChartPublisherDeps {
  repos: RepoAccess;
  sessions: IndexSessions;
  client: ChartMuseumClient;
  limits: ArchiveLimits;
  log: Logger;
}

/** Creates the publisher; after a change the repo's loaded index is dropped so the next view is fresh. */
export function createChartPublisher(deps: ChartPublisherDeps): ChartPublisher {
  /** The charts API URL, honouring the index's serverInfo.contextPath when the index can be read. */
  const chartsUrl = async (repoId: string, repoUrl: string): Promise<string> => {
    try {
      const index = await deps.sessions.loaded(repoId);
      return chartMuseumChartsUrl(repoUrl, index.info.contextPath);
    } catch (error) {
      deps.log.warn('index unavailable; using the API path without a context path', { repoId, error: error instanceof ChartDeskError ? error.kind : 'unknown' });
      return chartMuseumChartsUrl(repoUrl);
    }
  };
  const target = async (repoId: string) => {
    const repo = await deps.repos.get(repoId);
    return { repo, credentials: () => deps.repos.credentials(repoId), chartsUrl: await chartsUrl(repoId, repo.url) };
  };

  return {
    async push(repoId, bytes, force, provenance) {
      if (bytes.length === 0) throw new ChartDeskError('bad-request', 'push', 'The file is empty.');
      // Reading the package first refuses broken or hostile charts before anything is uploaded.
      const { metadata } = await readChartArchive(bytes, deps.limits);
      const where = await target(repoId);
      await deps.client.push(where, bytes, { force, name: metadata.name, version: metadata.version, ...(provenance !== undefined ? { provenance } : {}) });
      deps.sessions.forget(repoId);
      return { name: metadata.name, version: metadata.version, forced: force, chartsUrl: where.chartsUrl };
    },
    async remove(repoId, name, version) {
      const where = await target(repoId);
      await deps.client.remove(where, name, version);
      deps.sessions.forget(repoId);
      return { name, version };
    },
  };
}
