/** Resolves the `<repo|url>` argument of the chart commands to a repo the chart services can use. */
import { createHash } from 'node:crypto';
import type { RepoAccess } from '../core/charts/index-sessions';
import type { RepoRecord } from '../core/context';
import { UsageError } from './command';
import { looksLikeUrl, type StoredFlowRepo, type StoredRepoRef } from './stored-repo';
import { httpUrlArg, oneOffRepo, type NetworkFlags } from './url-repo';

/** A repo to act on, and the RepoAccess that serves exactly it. */
export interface ChartTarget {
  repoId: string;
  access: RepoAccess;
  /** How to name it in output: the repo name or its URL. */
  label: string;
  /** True for a bare URL with environment credentials (the flow may then follow a Basic challenge). */
  oneOff: boolean;
}

/** Finds stored repos (the CLI services' storedRepo). */
export type FindStoredRepo = (ref: StoredRepoRef) => Promise<StoredFlowRepo | undefined>;

function fromStored(stored: StoredFlowRepo): ChartTarget {
  const repo: RepoRecord = stored.view;
  return { repoId: repo.id, label: repo.name, oneOff: false, access: { get: async () => repo, credentials: () => stored.credentials() } };
}

/**
 * A repo name is looked up in the store. A URL (the repo's folder, or its index.yaml) uses the stored repo it falls under (unless
 * CHARTDESK_SECRET is set), else becomes a one-off repo with credentials from CHARTDESK_SECRET /
 * CHARTDESK_USERNAME, its offline index copy keyed by the URL.
 */
export async function resolveChartTarget(arg: string | undefined, env: NodeJS.ProcessEnv, flags: NetworkFlags, findStored: FindStoredRepo): Promise<ChartTarget> {
  if (!arg) throw new UsageError('missing the repo name or URL');
  if (!looksLikeUrl(arg)) {
    const stored = await findStored({ name: arg });
    if (!stored) throw new UsageError(`there is no stored repo called "${arg.slice(0, 100)}"`);
    return fromStored(stored);
  }
  const url = httpUrlArg(arg, 'the repo URL');
  // A pasted index address means its folder, as in the app's repo form.
  if (!url.search) url.pathname = url.pathname.replace(/\/index\.yaml$/i, '');
  const stored = env.CHARTDESK_SECRET ? undefined : await findStored({ url: url.toString() });
  if (stored) return fromStored(stored);
  const { repo: flowRepo, credentials } = oneOffRepo(url, env, flags);
  const repoId = `url-${createHash('sha256').update(flowRepo.url).digest('hex').slice(0, 24)}`;
  const repo: RepoRecord = { id: repoId, name: url.host, hasSecret: Boolean(env.CHARTDESK_SECRET), ...flowRepo };
  return { repoId, label: flowRepo.url, oneOff: true, access: { get: async () => repo, credentials: () => credentials() } };
}
