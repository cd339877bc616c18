/** Picks and keeps each repo's chart source by the repo's kind; a source is rebuilt when its repo's settings change. */
import type { z } from 'zod';
import type { RepoKind } from '../../contract/repos';
import type { RepoRecord } from '../context';
import type { ChartSource } from './chart-source';
import type { RepoAccess } from './index-sessions';

/** Builds the source of one repo of a kind. */
export type SourceFactory = (repo: RepoRecord) => ChartSource;

/** The chart sources of the stored repos. */
export interface ChartSources {
  /** The repo's source (the same one while its settings stay the same). */
  forRepo(repoId: string): Promise<ChartSource>;
  /** Drops a repo's source and what it holds. */
  forget(repoId: string): void;
}

/** What the sources need: the repos, and one factory per repo kind. */
export interface ChartSourcesDeps {
  repos: Pick<RepoAccess, 'get'>;
  factories: Record<z.output<typeof RepoKind>, SourceFactory>;
}

/** The settings a source is built from; a change of any means a new source. */
function settingsOf(repo: RepoRecord): string {
  return JSON.stringify([repo.kind, repo.url, repo.auth, repo.tls, repo.charts, repo.passCredentialsAll]);
}

/** Creates the table of sources. */
export function createChartSources(deps: ChartSourcesDeps): ChartSources {
  const built = new Map<string, { settings: string; source: ChartSource }>();
  return {
    async forRepo(repoId) {
      const repo = await deps.repos.get(repoId);
      const settings = settingsOf(repo);
      const existing = built.get(repoId);
      if (existing?.settings === settings) return existing.source;
      existing?.source.forget();
      const source = deps.factories[repo.kind](repo);
      built.set(repoId, { settings, source });
      return source;
    },
    forget(repoId) {
      built.get(repoId)?.source.forget();
      built.delete(repoId);
    },
  };
}
