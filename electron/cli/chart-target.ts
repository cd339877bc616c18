/** Resolves the `<repo|url>` argument of the chart commands to a repo the chart services can use. */
import { createHash } from 'node:crypto';
import type { RepoAccess } from '../core/charts/index-sessions';
import type { RepoRecord } from '../core/context';
import { ChartDeskError } from '../core/errors';
import { chartNameUnder, formatOciLocation, looksLikeOciLocation, parseOciChartReference, parseOciLocation, versionOfTag } from '../core/oci/oci-location';
import { UsageError } from './command';
import { looksLikeUrl, type StoredFlowRepo, type StoredRepoRef } from './stored-repo';
import { httpUrlArg, oneOffOciRepo, oneOffRepo, type NetworkFlags } from './url-repo';

/** A repo to act on, and the RepoAccess that serves exactly it. */
export interface ChartTarget {
  repoId: string;
  access: RepoAccess;
  /** How to name it in output: the repo name or its URL. */
  label: string;
  /** True for a bare URL with environment credentials (the flow may then follow a Basic challenge). */
  oneOff: boolean;
  /** The chart the argument itself named (`oci://host/ns/chart[:version]`), for commands that take one. */
  chart?: { name: string; version?: string };
}

/** Finds stored repos (the CLI services' storedRepo). */
export type FindStoredRepo = (ref: StoredRepoRef) => Promise<StoredFlowRepo | undefined>;

/** How the argument is read. */
export interface TargetOptions {
  /** An oci:// argument names a chart (`oci://host/ns/chart[:tag]`), as `helm pull` takes it. */
  chartReference?: boolean;
  /** The auth mode of a one-off http(s) URL (default: token-server with CHARTDESK_SECRET, else none). */
  httpMode?: 'token-server';
}

function fromStored(stored: StoredFlowRepo, chart?: ChartTarget['chart']): ChartTarget {
  const repo: RepoRecord = stored.view;
  return { repoId: repo.id, label: repo.name, oneOff: false, access: { get: async () => repo, credentials: () => stored.credentials() }, ...(chart ? { chart } : {}) };
}

function oneOffId(url: string): string {
  return `url-${createHash('sha256').update(url).digest('hex').slice(0, 24)}`;
}

/** An OCI argument: the stored repo that covers it (unless CHARTDESK_SECRET is set), else a one-off registry repo. */
async function ociTarget(arg: string, env: NodeJS.ProcessEnv, flags: NetworkFlags, findStored: FindStoredRepo, options: TargetOptions): Promise<ChartTarget> {
  let location: string;
  let chart: ChartTarget['chart'];
  if (options.chartReference) {
    const ref = parseOciChartReference(arg);
    location = formatOciLocation(ref);
    const version = ref.tag ? versionOfTag(ref.tag) : undefined;
    chart = { name: ref.chart, ...(version ? { version } : {}) };
  } else location = formatOciLocation(parseOciLocation(arg));
  const stored = env.CHARTDESK_SECRET ? undefined : await findStored({ url: chart ? `${location}/${chart.name}` : location });
  if (stored) {
    const named = chart ? { ...chart, name: chartNameUnder(parseOciLocation(stored.view.url), `${location}/${chart.name}`) } : undefined;
    return fromStored(stored, named);
  }
  const { repo: flowRepo, credentials } = oneOffOciRepo(location, env, flags, chart ? [chart.name] : []);
  const repo: RepoRecord = { id: oneOffId(location), name: location, hasSecret: Boolean(env.CHARTDESK_SECRET), ...flowRepo };
  return { repoId: repo.id, label: location, oneOff: true, access: { get: async () => repo, credentials: () => credentials() }, ...(chart ? { chart } : {}) };
}

/**
 * A repo name is looked up in the store (a bare `ghcr.io/org/charts` that names no stored repo is a registry).
 * An oci:// location or chart uses the stored repo it falls under, else a one-off registry repo. An
 * http(s) URL (the repo's folder, or its index.yaml) uses the stored repo it falls under (unless
 * CHARTDESK_SECRET is set), else becomes a one-off repo with credentials from CHARTDESK_SECRET /
 * CHARTDESK_USERNAME, its offline index copy keyed by the URL.
 */
export async function resolveChartTarget(arg: string | undefined, env: NodeJS.ProcessEnv, flags: NetworkFlags, findStored: FindStoredRepo, options: TargetOptions = {}): Promise<ChartTarget> {
  if (!arg) throw new UsageError('missing the repo name or URL');
  if (!looksLikeUrl(arg)) {
    const stored = await findStored({ name: arg }).catch((error: unknown) => {
      if (error instanceof ChartDeskError && error.kind === 'not-found' && looksLikeOciLocation(arg)) return undefined;
      throw error;
    });
    if (stored) return fromStored(stored);
    if (!looksLikeOciLocation(arg)) throw new UsageError(`there is no stored repo called "${arg.slice(0, 100)}"`);
    return ociTarget(arg, env, flags, findStored, options);
  }
  if (/^oci:\/\//i.test(arg)) return ociTarget(arg, env, flags, findStored, options);
  const url = httpUrlArg(arg, 'the repo URL');
  // A pasted index address means its folder, as in the app's repo form.
  if (!url.search) url.pathname = url.pathname.replace(/\/index\.yaml$/i, '');
  const stored = env.CHARTDESK_SECRET ? undefined : await findStored({ url: url.toString() });
  if (stored) return fromStored(stored);
  const { repo: flowRepo, credentials } = oneOffRepo(url, env, flags);
  if (options.httpMode) flowRepo.auth.mode = options.httpMode;
  const repo: RepoRecord = { id: oneOffId(flowRepo.url), name: url.host, kind: 'http', charts: [], hasSecret: Boolean(env.CHARTDESK_SECRET), ...flowRepo };
  return { repoId: repo.id, label: flowRepo.url, oneOff: true, access: { get: async () => repo, credentials: () => credentials() } };
}
