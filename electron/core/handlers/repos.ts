import type { Handlers } from '../dispatch';
import type { CoreContext } from '../context';
import { importHelmRepositories } from '../helm/import-repos';
import { importRegistryAuth } from '../oci/registry-auth-import';
import { formatOfPath } from '../oci/registry-auth-paths';
import { testRepoCredential } from '../secrets/credential-test';

type RepoMethods =
  | 'listRepos'
  | 'addRepo'
  | 'updateRepo'
  | 'removeRepo'
  | 'reorderRepos'
  | 'setCredential'
  | 'clearCredential'
  | 'testCredential'
  | 'revealCredential'
  | 'importHelmRepos'
  | 'exportRepoCommands'
  | 'listNotices'
  | 'addNamedChart'
  | 'removeNamedChart'
  | 'importRegistryAuth';

/** Handlers for the repo list, its credentials and Helm import/export. */
export function repoHandlers(ctx: CoreContext): Pick<Handlers, RepoMethods> {
  const { repos } = ctx;
  /** Runs a change to a repo, then drops its cached tokens: they were got with the old URL or secret. */
  const forgetTokensAfter = async <T>(repoId: string, change: () => Promise<T>): Promise<T> => {
    const before = await repos.get(repoId);
    const result = await change();
    ctx.flow.forget(before);
    return result;
  };
  return {
    listRepos: () => repos.list(),
    addRepo: ({ secret, ...draft }) => repos.add(draft, secret),
    updateRepo: ({ repoId, changes }) => forgetTokensAfter(repoId, () => repos.update(repoId, changes)),
    removeRepo: async ({ repoId }) => {
      await forgetTokensAfter(repoId, () => repos.remove(repoId));
      // The repo's pinned keys go with it (a failure here leaves only an unused entry behind).
      await ctx.provenance.trust.forget(repoId).catch(() => undefined);
      return { removed: true as const };
    },
    reorderRepos: ({ repoIds }) => repos.reorder(repoIds),
    setCredential: ({ repoId, secret, username }) => forgetTokensAfter(repoId, () => repos.setCredential(repoId, secret, username)),
    clearCredential: ({ repoId }) => forgetTokensAfter(repoId, () => repos.clearCredential(repoId)),
    testCredential: async ({ repoId }) => testRepoCredential(ctx.flow, await ctx.charts.sources.forRepo(repoId)),
    // Explicit reveal for copying: nothing about it is logged.
    revealCredential: async ({ repoId }) => {
      const { secret, username } = await repos.credentials(repoId);
      return { secret: secret ?? null, ...(username ? { username } : {}) };
    },
    importHelmRepos: ({ path }) => importHelmRepositories({ repos, cmUsesHttp: ctx.helm.cmUsesHttp }, path ?? ctx.helm.repositoryConfig),
    exportRepoCommands: async ({ repoId }) => (await ctx.charts.sources.forRepo(repoId)).commands(),
    listNotices: () => repos.notices(),
    addNamedChart: ({ repoId, chart }) => repos.addNamedChart(repoId, chart),
    removeNamedChart: ({ repoId, chart }) => repos.removeNamedChart(repoId, chart),
    importRegistryAuth: ({ path }) =>
      importRegistryAuth({ repos, runHelper: ctx.registryAuth.runHelper }, path ? [{ path, format: formatOfPath(path) }] : ctx.registryAuth.files),
  };
}
