/** The chart source of an OCI repo: a registry namespace browsed through the distribution API, with the registry's own auth. */
import type { z } from 'zod';
import type { IndexProgress, IndexSummary, ManifestView } from '../../contract/packages';
import type { FlowClient, FlowCredentials } from '../auth/types';
import type { ArchiveLimits } from '../charts/archive-limits';
import { readChartArchive } from '../charts/chart-archive';
import type { IconFetcher } from '../charts/chart-icon';
import type { ChartSource, LocatedVersion } from '../charts/chart-source';
import type { PackageCache } from '../charts/package-cache';
import type { RepoRecord } from '../context';
import { ChartDeskError } from '../errors';
import { canFallBackOffline, describeAge } from '../index/fetch-fallback';
import { throttleProgress } from '../index/fetch-progress';
import type { OfflineIndexStore } from '../index/offline-store';
import { createOfflineSummaries } from '../index/offline-summaries';
import type { Logger } from '../log';
import type { DigestCache } from './digest-cache';
import { layerRole } from './media-types';
import { ociInstallCommands, ociPullCommands, ociRepoCommands, chartUrlOf } from './oci-commands';
import { parseOciChartReference, parseOciLocation, repositoryOf, tagOfVersion } from './oci-location';
import { createRegistryApi, DEFAULT_REGISTRY_LIMITS, repositoryScope, type RegistryLimits } from './registry-api';
import { registryAccessOf } from './registry-access';
import { listChartNames, pendingChart, readChart, readCharts, type Discovery } from './registry-discovery';
import { RegistryNamespace, type RegistryChart } from './registry-namespace';
import { pullChartLayer, pullProvenanceLayer, readChartVersion } from './registry-pull';
import { MAX_PROV_BYTES } from '../provenance/limits';
import { pushToRegistry } from './registry-push';
import { createRegistryReader } from './registry-reader';
import { discoveryOfSnapshot, snapshotBytes } from './registry-snapshot';
import { sortTags } from './registry-tags';
import { mapLimit } from './map-limit';

/** What a registry source needs (shared by every OCI repo). */
export interface RegistrySourceDeps {
  flow: FlowClient;
  credentials: (repoId: string) => Promise<FlowCredentials>;
  digests: DigestCache;
  packages: PackageCache;
  offline: OfflineIndexStore;
  icons: IconFetcher;
  limits: ArchiveLimits;
  registryLimits?: RegistryLimits;
  now: () => number;
  onProgress: (progress: z.output<typeof IndexProgress>) => void;
  log: Logger;
  /** Told when charts read in the background have changed what the namespace lists. */
  onChanged?: (repoId: string) => void;
  /** Adds a pushed chart to the repo's named charts (registries that do not list their repositories). */
  rememberChart?: (repoId: string, chart: string) => Promise<unknown>;
  /** Charts read at once (default 8). */
  concurrency?: number;
  /** Versions whose details a chart view reads (default 20). */
  detailVersions?: number;
  /** Blobs larger than this are uploaded in chunks (default 8 MiB). */
  chunkBytes?: number;
  /** An index confirmed longer ago than this counts as stale (default 30 minutes); read on every use. */
  staleAfterMs?: () => number;
}

interface Loaded {
  namespace: RegistryNamespace;
  discovery: Omit<Discovery, 'charts'>;
  fetchedAt: number;
  source: 'network' | 'offline';
  offlineReason?: string;
  bytes: number;
  /** Resolves when every chart of the namespace has been read (the first page is read before open resolves). */
  complete: Promise<void>;
}

/** Charts read before the list is shown (more than a screenful of rows); the rest fill in while the user looks at it. */
export const FIRST_PAGE = 24;

/** Creates the source of one OCI repo. */
export function createRegistrySource(repo: RepoRecord, deps: RegistrySourceDeps): ChartSource {
  const location = parseOciLocation(repo.url);
  const credentials = () => deps.credentials(repo.id);
  const access = registryAccessOf(repo, credentials);
  const api = createRegistryApi(deps.flow, access, deps.registryLimits ?? DEFAULT_REGISTRY_LIMITS);
  let bytesRead = 0;
  const reader = createRegistryReader({ api, cache: deps.digests, onBytes: (n) => (bytesRead += n) });
  const pullDeps = { api, reader, packages: deps.packages, limits: deps.limits };
  const referenceOf = (repository: string, tag: string) => `oci://${location.host}/${repository}:${tag}`;
  const discoveryDeps = { api, reader, location, named: repo.charts, referenceOf, ...(deps.concurrency ? { concurrency: deps.concurrency } : {}) };
  const offlineKey = `oci:${repo.id}`;
  let state: Loaded | undefined;
  let pending: Promise<Loaded> | undefined;
  let generation = 0;
  const offlineSummaries = createOfflineSummaries(deps.offline, 1);

  const namespaceOf = (charts: RegistryChart[]) => new RegistryNamespace(charts, (chart, tag) => referenceOf(chart.repository, tag));

  const keepSnapshot = async (loaded: Loaded) => {
    await deps.offline.write(offlineKey, snapshotBytes({ ...loaded.discovery, charts: loaded.namespace.charts }), { url: repo.url, downloadedAt: loaded.fetchedAt, checkedAt: loaded.fetchedAt }).catch((error: unknown) =>
      deps.log.warn('could not store the offline registry copy', { repoId: repo.id, error: error instanceof Error ? error.message : String(error) }),
    );
  };

  /** Lists the names, reads the first page, and reads the rest in the background (changes announced through onChanged). */
  const discover = async (): Promise<Loaded> => {
    const mine = ++generation;
    bytesRead = 0;
    const progress = throttleProgress((done, total) => deps.onProgress({ repoId: repo.id, phase: 'download', receivedBytes: bytesRead, charts: { done, total: total ?? done } }), deps.now);
    try {
      const listing = await listChartNames(discoveryDeps);
      const namespace = namespaceOf(listing.names.map((name) => pendingChart(location, name)));
      let done = 0;
      const total = listing.names.length;
      progress(0, total);
      const onChart = (chart: RegistryChart) => {
        if (mine !== generation) return;
        namespace.replace(chart);
        progress(++done, total);
      };
      await readCharts(discoveryDeps, listing.names.slice(0, FIRST_PAGE), onChart);
      const { names: _names, ...discovery } = listing;
      const loaded: Loaded = { namespace, discovery, fetchedAt: deps.now(), source: 'network', bytes: bytesRead, complete: Promise.resolve() };
      loaded.complete = readCharts(discoveryDeps, listing.names.slice(FIRST_PAGE), onChart)
        .then(
          () => keepSnapshot(loaded),
          (error: unknown) => {
            // The registry went away mid-way: the charts not read yet say why.
            const message = error instanceof ChartDeskError ? error.message : 'The registry could not be reached.';
            for (const chart of namespace.charts) if (chart.pending) namespace.replace({ ...chart, pending: false, problem: { kind: 'unreadable', message } });
          },
        )
        .finally(() => {
          if (mine !== generation) return;
          loaded.bytes = bytesRead;
          deps.onProgress({ repoId: repo.id, phase: 'done', receivedBytes: bytesRead });
          if (total > FIRST_PAGE) deps.onChanged?.(repo.id);
        });
      if (total <= FIRST_PAGE) deps.onProgress({ repoId: repo.id, phase: 'done', receivedBytes: bytesRead });
      return loaded;
    } catch (error) {
      deps.onProgress({ repoId: repo.id, phase: 'done', receivedBytes: bytesRead });
      if (!canFallBackOffline(error)) throw error;
      const copy = await deps.offline.read(offlineKey);
      const discovery = copy && copy.meta.url === repo.url ? discoveryOfSnapshot(copy.bytes) : undefined;
      if (!copy || !discovery) throw error;
      const reason = error instanceof ChartDeskError ? error.message : 'The registry could not be reached.';
      const { charts, ...rest } = discovery;
      return { namespace: namespaceOf(charts), discovery: rest, fetchedAt: copy.meta.checkedAt, source: 'offline', offlineReason: `Showing the offline copy from ${describeAge(deps.now() - copy.meta.checkedAt)}: ${reason}`, bytes: copy.bytes.length, complete: Promise.resolve() };
    }
  };

  const load = (refresh: boolean): Promise<Loaded> => {
    if (state && !refresh) return Promise.resolve(state);
    pending ??= discover()
      .then((loaded) => (state = loaded))
      .finally(() => (pending = undefined));
    return pending;
  };

const summarize = (loaded: Loaded, fromMemory: boolean): z.output<typeof IndexSummary> => {
    const { charts, versions, pending: reading } = loaded.namespace.counts();
    const ageMs = Math.max(0, deps.now() - loaded.fetchedAt);
    const offline = loaded.source === 'offline';
    return {
      repoId: repo.id,
      indexUrl: repo.url,
      chartCount: charts,
      versionCount: versions,
      fetchedAt: loaded.fetchedAt,
      ageMs,
      source: fromMemory ? 'memory' : loaded.source,
      offline,
      ...(loaded.offlineReason ? { offlineReason: loaded.offlineReason } : {}),
      stale: offline || ageMs > (deps.staleAfterMs?.() ?? 30 * 60_000),
      bytes: loaded.bytes,
      warnings: [],
      warningCount: 0,
      servedByChartMuseum: false,
      kind: 'oci',
      capabilities: { push: true, delete: true },
      discovery: loaded.discovery.mode,
      discoveryNote: reading ? `${loaded.discovery.note} Reading ${reading} more ${reading === 1 ? 'chart' : 'charts'}…` : loaded.discovery.note,
    };
  };

  /** A chart of the namespace, read now when the background has not got to it yet. */
  const chartOf = async (name: string): Promise<RegistryChart> => {
    const { namespace } = await load(false);
    const chart = namespace.chart(name);
    if (!chart) throw new ChartDeskError('not-found', 'get-chart', `The registry namespace ${repo.url} has no chart called ${name} here.`, { hint: 'Add it by name if the registry does not list its repositories.' });
    if (!chart.pending) return chart;
    const read = await readChart(discoveryDeps, name);
    namespace.replace(read);
    return read;
  };

  /** The tags of a chart: from the namespace when it is loaded and lists the chart, else straight from the registry. */
  const known = (name: string) => {
    const chart = state?.namespace.chart(name);
    return chart && !chart.pending ? chart : undefined;
  };
  const tagsOf = async (name: string) => known(name)?.tags ?? sortTags(await api.tags(repositoryOf(location, name)));

  const locate = async (name: string, wanted?: string): Promise<LocatedVersion> => {
    const repository = repositoryOf(location, name);
    let tag: string;
    let version: string;
    if (wanted !== undefined && !known(name)) {
      // A named version needs no listing: Helm's tag for it is known.
      version = wanted;
      tag = tagOfVersion(wanted);
    } else {
      const tags = await tagsOf(name);
      const found = wanted === undefined ? tags.versions[tags.latest] : tags.versions.find((v) => v.version === wanted || v.tag === wanted);
      if (!found) throw new ChartDeskError('not-found', 'open-chart', wanted === undefined ? `${repository} has no version tags.` : `${repository} has no version ${wanted}.`);
      ({ tag, version } = found);
    }
    const digest = known(name)?.read.get(tag)?.digest;
    return { repo, name, version, url: referenceOf(repository, tag), ...(digest ? { digest } : {}) };
  };

  const where = (located: LocatedVersion) => {
    const ref = parseOciChartReference(located.url);
    return { repository: repositoryOf(ref, ref.chart), tag: ref.tag ?? tagOfVersion(located.version) };
  };

  /** Reads the details of a chart's newest versions not read yet (bounded), so the chart view shows app versions and dates. */
  const readDetails = async (chart: RegistryChart) => {
    const unread = chart.tags.versions.slice(0, deps.detailVersions ?? 20).filter((v) => !chart.read.has(v.tag));
    await mapLimit(unread, deps.concurrency ?? 8, async ({ tag }) => {
      try {
        const stored = await reader.read(chart.repository, tag, referenceOf(chart.repository, tag));
        if (!('notChart' in stored)) chart.read.set(tag, stored.version);
      } catch (error) {
        deps.log.warn('could not read a chart version', { repoId: repo.id, error: error instanceof ChartDeskError ? error.kind : 'unknown' });
      }
    });
  };

  return {
    repo,
    flowRepo: access.flowRepo,
    credentials: access.credentials,
    followChallengeScheme: access.followChallengeScheme,
    open: async (refresh) => {
      const fromMemory = !refresh && state !== undefined;
      return summarize(await load(refresh), fromMemory);
    },
    list: async (page) => (await load(false)).namespace.list(page),
    search: async (query, limit) => (await load(false)).namespace.search(query, limit),
    summary: async (name) => (await load(false)).namespace.summary(name),
    complete: async () => (await load(false)).complete,
    // A registry's versions are held read (or bare, by tag) already: every one carries what is known, none is partial.
    async detail(name, page = {}) {
      const chart = await chartOf(name);
      if (state?.source === 'network') await readDetails(chart);
      const namespace = (await load(false)).namespace;
      namespace.replace(chart);
      const detail = namespace.detail(name, page.limit) as NonNullable<ReturnType<RegistryNamespace['detail']>>;
      return { ...detail, install: ociInstallCommands(repo, name, detail.summary.latestVersion || '1.0.0') };
    },
    locate,
    async fetchPackage(located) {
      const { repository, tag } = where(located);
      return pullChartLayer(pullDeps, repository, tag, located.url, located.digest);
    },
    async fetchProvenance(located) {
      const { repository, tag } = where(located);
      return pullProvenanceLayer({ api, reader }, repository, tag, located.url, MAX_PROV_BYTES);
    },
    async push(bytes, options) {
      if (bytes.length === 0) throw new ChartDeskError('bad-request', 'push', 'The file is empty.');
      const archive = await readChartArchive(bytes, deps.limits);
      const name = archive.metadata.name;
      const repository = repositoryOf(location, name);
      const result = await pushToRegistry({ api, repository, bytes, archive, force: options.force, now: deps.now(), ...(options.prov ? { prov: options.prov } : {}), ...(deps.chunkBytes ? { chunkBytes: deps.chunkBytes } : {}) });
      // A registry that does not list its repositories would not show the new chart: remember its name.
      const listed = state?.namespace.chart(name) !== undefined || repo.charts.includes(name) || state?.discovery.mode === 'catalog';
      state = undefined;
      if (!listed && deps.rememberChart) await deps.rememberChart(repo.id, name).catch(() => undefined);
      return { name, version: archive.metadata.version, forced: options.force && !result.created, chartsUrl: chartUrlOf(repo, name) };
    },
    async remove(name, version) {
      const located = await locate(name, version);
      const { repository, tag } = where(located);
      const digest = await api.resolve(repository, tag, 'push');
      if (!digest) throw new ChartDeskError('not-found', 'delete', `Version ${version} of chart ${name} is not in the registry.`);
      await api.deleteManifest(repository, digest);
      state = undefined;
      return { name, version, digest };
    },
    async icon(name) {
      const summary = (await load(false)).namespace.summary(name);
      if (!summary) throw new ChartDeskError('not-found', 'chart-icon', `The registry namespace has no chart called ${name}.`);
      return deps.icons.get({ repo: access.flowRepo, credentials: access.credentials, icon: summary.icon });
    },
    async probe(scope) {
      const first = repo.charts[0] ?? state?.namespace.charts[0]?.name;
      if (first === undefined) return { url: `${api.base}/v2/`, method: 'GET', scopeHint: [], what: 'the registry’s API root' };
      const repository = repositoryOf(location, first);
      return { url: `${api.base}/v2/${repository}/tags/list`, method: 'GET', scopeHint: repositoryScope(repository, scope), what: `the tags of ${repository}` };
    },
    commands: () => ociRepoCommands(repo),
    async manifest(name, version) {
      const located = await locate(name, version);
      const { repository, tag } = where(located);
      const stored = await readChartVersion({ reader }, repository, tag, located.url);
      const { manifest } = stored;
      return {
        reference: located.url,
        digest: stored.manifestDigest,
        mediaType: manifest.mediaType,
        size: stored.manifestBytes.length,
        config: manifest.config,
        layers: manifest.layers.map((layer) => ({ ...layer, role: layerRole(layer.mediaType) })),
        annotations: manifest.annotations,
        json: prettyJson(stored.manifestBytes),
        commands: ociPullCommands(repo, name, located.version, stored.manifestDigest),
      } satisfies z.output<typeof ManifestView>;
    },
    forget() {
      state = undefined;
    },
    async cachedCharts() {
      if (state) return { summaries: state.namespace.all(), from: state.source === 'offline' ? 'offline' : 'open', fetchedAt: state.fetchedAt, open: true };
      const copy = await offlineSummaries(offlineKey, repo.url, async (bytes) => {
        const discovery = discoveryOfSnapshot(bytes);
        if (!discovery) throw new ChartDeskError('index-invalid', 'search', `The offline copy of ${repo.url} could not be read.`);
        return namespaceOf(discovery.charts).all();
      });
      return copy ? { summaries: copy.summaries, from: 'offline', fetchedAt: copy.checkedAt, open: false } : undefined;
    },
  };
}

function prettyJson(bytes: Buffer): string {
  try {
    return JSON.stringify(JSON.parse(bytes.toString('utf8')), null, 2);
  } catch {
    return bytes.toString('utf8');
  }
}
