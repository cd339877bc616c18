/** Handlers for finding things without knowing where they are: probing a typed repo URL, searching every repo. */
import type { CoreContext } from '../context';
import type { Handlers } from '../dispatch';
import { createAllReposSearch } from '../search/all-repos-search';

/** The probe and search-everything handlers. */
export function discoveryHandlers(ctx: CoreContext): Pick<Handlers, 'probeRepoUrl' | 'searchAllRepos'> {
  const searchAll = createAllReposSearch({ repos: ctx.repos, sources: ctx.charts.sources });
  return {
    probeRepoUrl: (input) => ctx.probe.probe(input),
    searchAllRepos: (input) => searchAll(input),
  };
}
