import type { Handlers } from '../dispatch';
import type { CoreContext } from '../context';

/** Handlers for the repo list. */
export function repoHandlers(ctx: CoreContext): Pick<Handlers, 'listRepos'> {
  return {
    listRepos: () => ctx.repos.list(),
  };
}
