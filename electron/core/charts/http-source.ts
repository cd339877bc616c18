/** The chart source of an HTTP chart repo: its index.yaml, packages at the index's URLs, ChartMuseum's API for push and delete. */
import type { FlowClient, FlowCredentials } from '../auth/types';
import type { ReferencePuller } from '../oci/reference-pull';
import { fetchProvenance, packageFileName } from '../provenance/prov-fetch';
import type { RepoRecord } from '../context';
import { ChartDeskError } from '../errors';
import { exportRepoCommands } from '../helm/export-commands';
import { httpInstallCommands } from '../helm/install-commands';
import type { IconFetcher } from './chart-icon';
import type { ChartPublisher } from './chart-publish';
import type { CachedCharts, ChartSource, LocatedVersion } from './chart-source';
import { indexUrlOf, resolveAgainstRepo } from './chart-url';
import type { IndexSessions } from './index-sessions';
import type { PackageFetcher } from './package-fetch';
import { chartMuseumChartsUrl } from '../chartmuseum/api-base';

/** What an HTTP source needs (shared by every HTTP repo; per-repo state lives in the sessions). */
export interface HttpSourceDeps {
  sessions: IndexSessions;
  packages: PackageFetcher;
  /** Pulls a package (and its provenance) an index lists at an `oci://` URL, through that registry (mixed indexes). */
  oci: ReferencePuller;
  flow: FlowClient;
  publisher: ChartPublisher;
  icons: IconFetcher;
  credentials: (repoId: string) => Promise<FlowCredentials>;
  /** The repo's charts without the network (open index, else offline copy), for the search over every repo. */
  cached?: (repo: RepoRecord) => Promise<CachedCharts | undefined>;
}

/** Creates the source of one HTTP repo. */
export function createHttpSource(repo: RepoRecord, deps: HttpSourceDeps): ChartSource {
  const credentials = () => deps.credentials(repo.id);
  const index = async () => (await deps.sessions.loaded(repo.id)).index;
  const noChart = (name: string) => new ChartDeskError('not-found', 'get-chart', `The index has no chart called ${name}.`);

  const locate = async (name: string, wanted?: string): Promise<LocatedVersion> => {
    const { index: loaded, repo: current } = await deps.sessions.loaded(repo.id);
    const summary = loaded.summary(name);
    if (!summary) throw new ChartDeskError('not-found', 'open-chart', `The index has no chart called ${name}.`);
    const version = wanted ?? summary.latestVersion;
    const entry = loaded.version(name, version);
    if (!entry) throw new ChartDeskError('not-found', 'open-chart', `The index has no version ${version} of chart ${name}.`);
    const ref = entry.urls[0];
    if (!ref) throw new ChartDeskError('index-invalid', 'open-chart', `The index lists no download URL for ${name} ${version}.`);
    // Mixed indexes (Bitnami's since 2024) list packages at oci:// references, pulled from their registry.
    const url = /^oci:\/\//i.test(ref) ? ref : resolveAgainstRepo(current.url, ref);
    return { repo: current, name, version, url, ...(entry.digest ? { digest: entry.digest } : {}) };
  };

  return {
    repo,
    flowRepo: repo,
    credentials,
    followChallengeScheme: false,
    async open(refresh) {
      const summary = await deps.sessions.open(repo.id, refresh);
      // Only ChartMuseum accepts pushes and deletes; a static repo (no serverInfo in its index) is read-only.
      const writable = summary.servedByChartMuseum;
      return { ...summary, kind: 'http', capabilities: { push: writable, delete: writable }, discovery: 'index' };
    },
    list: async (page) => (await index()).list(page),
    search: async (query, limit) => (await index()).search(query, limit),
    summary: async (name) => (await index()).summary(name),
    complete: async () => undefined,
    async detail(name, page = {}) {
      const detail = (await index()).detail(name, page);
      if (!detail) throw noChart(name);
      return { ...detail, install: httpInstallCommands(repo, detail.name, detail.summary.latestVersion) };
    },
    locate,
    fetchPackage(located) {
      if (located.url.startsWith('oci://')) return deps.oci.pull(located);
      return deps.packages.fetch({ repo: located.repo, credentials, url: located.url, label: `${located.name} ${located.version}`, ...(located.digest ? { digest: located.digest } : {}) });
    },
    async fetchProvenance(located) {
      if (located.url.startsWith('oci://')) return deps.oci.provenance(located);
      const fetched = await fetchProvenance(deps.flow, { repo: located.repo, credentials, packageUrl: located.url, label: `${located.name} ${located.version}` });
      return { ...fetched, fileName: packageFileName(located.url) };
    },
    push: (bytes, options) => deps.publisher.push(repo.id, bytes, options.force, options.prov?.toString('utf8')),
    remove: (name, version) => deps.publisher.remove(repo.id, name, version),
    async icon(name) {
      const summary = (await index()).summary(name);
      if (!summary) throw new ChartDeskError('not-found', 'chart-icon', `The index has no chart called ${name}.`);
      return deps.icons.get({ repo, credentials, icon: summary.icon });
    },
    async probe(scope) {
      const chartsUrl = chartMuseumChartsUrl(repo.url);
      return { url: indexUrlOf(repo.url), method: 'HEAD', what: 'its index', ...(scope === 'push' ? { pushFallback: { url: chartsUrl, method: 'POST' } } : {}) };
    },
    commands: () => exportRepoCommands(repo),
    forget: () => deps.sessions.forget(repo.id),
    cachedCharts: async () => deps.cached?.(repo),
  };
}
