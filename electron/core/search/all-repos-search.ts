/**
 * The search over every stored repo: each repo's charts as its source holds them (the open index,
 * else the offline copy), optionally opening the others first, searched with searchAcross.
 */
import type { z } from 'zod';
import type { SearchAllInput, SearchAllResult } from '../../contract/search';
import type { CachedCharts, ChartSource } from '../charts/chart-source';
import type { ChartSources } from '../charts/chart-sources';
import type { RepoRecord } from '../context';
import { serializeError } from '../errors';
import { mapLimit } from '../oci/map-limit';
import { searchAcross, type RepoCharts } from './search-across';

/** searchAllRepos' argument, after defaults. */
export type SearchAllArgs = z.output<typeof SearchAllInput>;
/** What the search answers. */
export type SearchAllAnswer = z.output<typeof SearchAllResult>;

/** What the search needs. */
export interface AllReposSearchDeps {
  repos: { list(): Promise<RepoRecord[]> };
  sources: Pick<ChartSources, 'forRepo'>;
  /** Repos opened at once with `open` (default 2). */
  concurrency?: number;
  now?: () => number;
}

interface Looked {
  repo: RepoRecord;
  charts?: CachedCharts;
  failure?: string;
}

/** Creates the search. */
export function createAllReposSearch(deps: AllReposSearchDeps): (args: SearchAllArgs) => Promise<SearchAllAnswer> {
  const look = async (repo: RepoRecord, open: boolean): Promise<Looked> => {
    try {
      const source: ChartSource = await deps.sources.forRepo(repo.id);
      let charts = await source.cachedCharts?.();
      if (open && !charts?.open) {
        await source.open(false);
        charts = await source.cachedCharts?.();
      }
      return { repo, ...(charts ? { charts } : {}) };
    } catch (error) {
      return { repo, failure: serializeError(error).message };
    }
  };

  return async ({ query, limitPerRepo, open }) => {
    const repos = await deps.repos.list();
    const looked = await mapLimit(repos, open ? (deps.concurrency ?? 2) : 4, (repo) => look(repo, open));
    const sets: RepoCharts<Looked & { charts: CachedCharts }>[] = looked.filter((l): l is Looked & { charts: CachedCharts } => l.charts !== undefined).map((l) => ({ repo: l, summaries: l.charts.summaries }));
    const groups = searchAcross(sets, query, limitPerRepo).map(({ repo: l, total, hits }) => ({
      repoId: l.repo.id,
      repoName: l.repo.name,
      kind: l.repo.kind,
      from: l.charts.from,
      fetchedAt: l.charts.fetchedAt,
      ageMs: Math.max(0, (deps.now ?? Date.now)() - l.charts.fetchedAt),
      total,
      hits,
    }));
    return {
      query,
      groups,
      searched: sets.length,
      unopened: looked.filter((l) => !l.failure && !l.charts?.open).map((l) => ({ repoId: l.repo.id, repoName: l.repo.name, kind: l.repo.kind, searchedOffline: l.charts !== undefined })),
      failed: looked.filter((l) => l.failure !== undefined).map((l) => ({ repoId: l.repo.id, repoName: l.repo.name, message: l.failure as string })),
    };
  };
}
