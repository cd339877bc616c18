/**
 * Finds the charts of a registry namespace: the catalog (every page, filtered to the namespace)
 * where the registry allows it, else (and also) the names the user gave; then, with bounded
 * concurrency, each chart's tags and the manifest and config of its newest version.
 */
import type { ChartProblem, ChartVersion } from '../index/query-types';
import { ChartDeskError } from '../errors';
import { httpStatusOf } from '../charts/http-failure';
import { mapLimit } from './map-limit';
import { repositoryOf, type OciLocation } from './oci-location';
import type { RegistryApi } from './registry-api';
import type { RegistryChart } from './registry-namespace';
import type { RegistryReader } from './registry-reader';
import { sortTags, type ChartTags } from './registry-tags';

/** What discovery found. */
export interface Discovery {
  charts: RegistryChart[];
  /** 'catalog' when the registry listed its repositories, 'named' when only the user's names were used. */
  mode: 'catalog' | 'named';
  /** A sentence for the UI: how the charts were found, and why the catalog was not used. */
  note: string;
}

/** The chart names a namespace has, and how they were found. */
export type NameListing = Omit<Discovery, 'charts'> & { names: string[] };

/** What discovery needs. */
export interface DiscoveryDeps {
  api: RegistryApi;
  reader: RegistryReader;
  location: OciLocation;
  /** The chart names the user added to the repo. */
  named: readonly string[];
  referenceOf: (repository: string, tag: string) => string;
  /** Charts read at once (default 8). */
  concurrency?: number;
}

/** Failures that mean "the registry is not reachable": they end discovery (and let the offline copy show) instead of marking one chart. */
const FATAL = new Set(['network', 'tls', 'timeout', 'cancelled', 'realm-mismatch', 'token-server-rejected', 'credentials-rejected']);

function isFatal(error: unknown): boolean {
  return !(error instanceof ChartDeskError) || FATAL.has(error.kind);
}

/** Why the catalog cannot be used, in words, or rethrows when the registry itself is unreachable. */
function catalogRefusal(error: unknown): string {
  if (isFatal(error)) throw error;
  const status = httpStatusOf(error);
  const kind = (error as ChartDeskError).kind;
  if (kind === 'scope-denied') return 'The registry does not let these credentials list its repositories (the token server did not grant registry:catalog:*).';
  if (status === 401 || status === 403 || kind === 'repo-rejected-token') return `The registry does not let these credentials list its repositories (HTTP ${status ?? 401}).`;
  if (status === 404 || status === 405) return `The registry does not list its repositories (its catalog answers HTTP ${status}), as Docker Hub, GitHub and Google’s registries do.`;
  return `The registry’s catalog could not be read: ${(error as ChartDeskError).message}`;
}

async function catalogNames(deps: DiscoveryDeps): Promise<{ names: string[]; refusal?: string }> {
  try {
    const all = await deps.api.catalog();
    const prefix = deps.location.namespace ? `${deps.location.namespace}/` : '';
    return { names: all.filter((name) => name.startsWith(prefix) && name.length > prefix.length).map((name) => name.slice(prefix.length)) };
  } catch (error) {
    return { names: [], refusal: catalogRefusal(error) };
  }
}

function problemOf(error: unknown): ChartProblem {
  const status = httpStatusOf(error);
  if (status === 404) return { kind: 'unreadable', message: 'The registry has no repository by this name (404).' };
  return { kind: 'unreadable', message: error instanceof ChartDeskError ? error.message : 'It could not be read.' };
}

/** Reads one chart: its tags and the manifest and config of its newest version; a failure marks the chart, unless the registry is unreachable. */
export async function readChart(deps: DiscoveryDeps, name: string): Promise<RegistryChart> {
  const repository = repositoryOf(deps.location, name);
  const chart = (tags: ChartTags, read = new Map<string, ChartVersion>(), problem?: ChartProblem): RegistryChart => ({ name, repository, tags, read, ...(problem ? { problem } : {}) });
  const empty: ChartTags = { versions: [], latest: 0, others: [] };
  let tags: ChartTags;
  try {
    tags = sortTags(await deps.api.tags(repository));
  } catch (error) {
    if (isFatal(error)) throw error;
    return chart(empty, undefined, problemOf(error));
  }
  const latest = tags.versions[tags.latest];
  if (!latest) {
    const others = tags.others.length ? `only ${tags.others.slice(0, 5).join(', ')}${tags.others.length > 5 ? ', …' : ''}` : 'no tags at all';
    return chart(tags, undefined, { kind: 'no-versions', message: `No tag is a chart version (${others}).` });
  }
  try {
    const stored = await deps.reader.read(repository, latest.tag, deps.referenceOf(repository, latest.tag));
    if ('notChart' in stored) return chart(tags, undefined, { kind: 'not-a-chart', message: `Not a Helm chart: its config is ${stored.mediaType.slice(0, 120)}.` });
    return chart(tags, new Map([[latest.tag, stored.version]]));
  } catch (error) {
    if (isFatal(error)) throw error;
    return chart(tags, undefined, problemOf(error));
  }
}

/** A chart whose tags and newest version are still being read. */
export function pendingChart(location: OciLocation, name: string): RegistryChart {
  return { name, repository: repositoryOf(location, name), tags: { versions: [], latest: 0, others: [] }, read: new Map(), pending: true };
}

/** The namespace's chart names: its catalog (filtered to the namespace) and the names the user added. */
export async function listChartNames(deps: DiscoveryDeps): Promise<NameListing> {
  const { names: listed, refusal } = await catalogNames(deps);
  const names = [...new Set([...listed, ...deps.named])].sort();
  const where = deps.location.namespace ? `under ${deps.location.namespace}` : 'in the registry';
  if (refusal === undefined && listed.length > 0) {
    const extra = deps.named.filter((n) => !listed.includes(n)).length;
    return { names, mode: 'catalog', note: `The registry’s catalog lists ${listed.length} ${listed.length === 1 ? 'repository' : 'repositories'} ${where}${extra ? `; ${extra} more added by name` : ''}.` };
  }
  const why = refusal ?? `The registry’s catalog lists nothing ${where}.`;
  const named = deps.named.length ? `Showing the ${deps.named.length} ${deps.named.length === 1 ? 'chart' : 'charts'} added by name.` : 'Add charts by name (Add chart…) to browse them.';
  return { names, mode: 'named', note: `${why} ${named}` };
}

/**
 * Reads charts with bounded concurrency, asking the token server for their pull tokens in batches
 * first (until the registry's token server is known, the first chart's own challenge names it).
 */
export async function readCharts(deps: DiscoveryDeps, names: readonly string[], onChart: (chart: RegistryChart) => void): Promise<void> {
  const read = async (name: string) => onChart(await readChart(deps, name));
  const repositories = names.map((name) => repositoryOf(deps.location, name));
  let rest = names;
  if (names.length && !(await deps.api.prefetchTokens(repositories))) {
    await read(names[0] as string);
    rest = names.slice(1);
    await deps.api.prefetchTokens(repositories.slice(1));
  }
  await mapLimit(rest, deps.concurrency ?? 8, read);
}
