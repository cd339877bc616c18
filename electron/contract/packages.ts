/** Contract schemas for opening indexes, chart packages, values diffs, icons and ChartMuseum push/delete. */
import { z } from 'zod';
import { ChartDetail, ChartSummary } from './charts';
import { RepoKind } from './repos';

const RepoId = z.string().min(1).max(64);
const ChartName = z.string().min(1).max(250);
const ChartVersionText = z.string().min(1).max(128);

/** openIndex's argument: `refresh` asks the server again (a conditional request) instead of reusing the loaded index. */
export const OpenIndexInput = z.object({ repoId: RepoId, refresh: z.boolean().default(false) }).strict();

/** What openIndex reports; the parsed index itself stays in the core. */
export const IndexSummary = z.object({
  repoId: z.string(),
  indexUrl: z.string(),
  chartCount: z.number().int().nonnegative(),
  versionCount: z.number().int().nonnegative(),
  /** ms epoch when the server last confirmed this index (a download or a 304). */
  fetchedAt: z.number(),
  /** ms between fetchedAt and the answer. */
  ageMs: z.number().nonnegative(),
  /** 'network': downloaded; 'not-modified': the server said 304; 'offline': the stored copy; 'memory': already loaded. */
  source: z.enum(['network', 'not-modified', 'offline', 'memory']),
  /** True when the server could not be reached and the offline copy is shown. */
  offline: z.boolean(),
  /** For offline: a sentence with the copy's age and the network failure. */
  offlineReason: z.string().optional(),
  /** True when offline, or when the index was last confirmed longer ago than the freshness window (30 min). */
  stale: z.boolean(),
  /** Size of the index file, bytes. */
  bytes: z.number().int().nonnegative(),
  /** Broken entries skipped and other oddities, as sentences (at most 100; see warningCount). */
  warnings: z.array(z.string()),
  warningCount: z.number().int().nonnegative(),
  /** True when the index has a `serverInfo` key (ChartMuseum writes it; static repos made by `helm repo index` do not). */
  servedByChartMuseum: z.boolean(),
  /** http: an index.yaml repo; oci: a registry namespace. */
  kind: RepoKind,
  /** What the repo lets ChartDesk do: push a .tgz, delete a version. */
  capabilities: z.object({ push: z.boolean(), delete: z.boolean() }),
  /** How the charts were found: the index file, the registry's catalog, or the names the user added. */
  discovery: z.enum(['index', 'catalog', 'named']),
  /** A sentence about how the charts were found (and, for registries, why the catalog could not be used). */
  discoveryNote: z.string().optional(),
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  /** True when a refresh was answered 304 for the index already held: the chart list is as before, nothing was read again. */
  unchanged: z.boolean().optional(),
});

/** listCharts' argument: a page of the compact chart list. */
export const ListChartsInput = z
  .object({ repoId: RepoId, offset: z.number().int().nonnegative().default(0), limit: z.number().int().min(1).max(5000).default(200) })
  .strict();

/** searchCharts' argument. */
export const SearchChartsInput = z.object({ repoId: RepoId, query: z.string().max(256), limit: z.number().int().min(1).max(1000).default(50) }).strict();

/** chartIcon's argument: one chart of a repo. */
export const ChartRef = z.object({ repoId: RepoId, name: ChartName }).strict();

/** Most versions getChart decodes in one answer (as the index engine's largest page). */
const MAX_CHART_VERSIONS = 100_000;

/** getChart's argument: `limit` decodes only the first `limit` versions, newest first (all when absent); allVersions still names every one. */
export const GetChartInput = z
  .object({
    repoId: RepoId,
    name: ChartName,
    limit: z.number().int().min(1).max(MAX_CHART_VERSIONS).optional(),
    /** How many of the returned versions (newest first) carry every field; the others carry the versions table's fields only (`partial`). All when absent. */
    detailed: z.number().int().min(0).max(MAX_CHART_VERSIONS).optional(),
  })
  .strict();

/** openChartVersion's and deleteChartVersion's argument. */
export const ChartVersionRef = z.object({ repoId: RepoId, name: ChartName, version: ChartVersionText }).strict();

/** The helm commands that use one chart version, ready to paste, with a sentence when helm alone cannot. */
export const InstallCommands = z.object({ commands: z.string(), note: z.string().optional() });

/** getChart's result: the chart with its versions and the commands to install the newest one. */
export const ChartDetailView = ChartDetail.extend({ install: InstallCommands });

/** A file of a chart package, path relative to the chart folder. */
export const ChartFile = z.object({ path: z.string(), size: z.number().int().nonnegative() });

/** The Chart.yaml fields ChartDesk shows, each as the file wrote it. */
export const ChartYamlFields = z.object({
  apiVersion: z.string(),
  name: z.string(),
  version: z.string(),
  appVersion: z.string().optional(),
  description: z.string().optional(),
  type: z.string().optional(),
  kubeVersion: z.string().optional(),
  icon: z.string().optional(),
  home: z.string().optional(),
  deprecated: z.boolean(),
});

/** What is inside one chart version's package. */
export const ChartVersionContent = z.object({
  name: z.string(),
  version: z.string(),
  /** The package URL, resolved against the repo. */
  url: z.string(),
  chartYaml: z.string(),
  metadata: ChartYamlFields,
  /** values.yaml as written; empty when the chart has none. */
  valuesYaml: z.string(),
  valuesSchema: z.string().optional(),
  readme: z.object({ path: z.string(), text: z.string() }).optional(),
  files: z.array(ChartFile),
  /** sha256 hex of the package. */
  digest: z.string(),
  /** True when the package matched the index digest (false only when the index has none). */
  verified: z.boolean(),
  fromCache: z.boolean(),
  warnings: z.array(z.string()),
});

/** diffValues' argument: two versions of one chart. */
export const DiffValuesInput = z.object({ repoId: RepoId, name: ChartName, from: ChartVersionText, to: ChartVersionText }).strict();

/** A line diff of two values.yaml files: parts for a side-by-side view, a unified patch for the other. */
export const ValuesDiff = z.object({
  name: z.string(),
  from: z.string(),
  to: z.string(),
  parts: z.array(z.object({ kind: z.enum(['same', 'removed', 'added']), lines: z.array(z.string()) })),
  added: z.number().int().nonnegative(),
  removed: z.number().int().nonnegative(),
  unified: z.string(),
});

/** Largest package accepted for a push, bytes. */
export const MAX_PUSH_BYTES = 50 * 1024 * 1024;

/** pushChart's argument: the .tgz as base64 (drag and drop reads the file in the renderer). */
export const PushChartInput = z
  .object({
    repoId: RepoId,
    fileName: z.string().min(1).max(255),
    contentBase64: z.string().min(1).max(Math.ceil(MAX_PUSH_BYTES / 3) * 4),
    force: z.boolean().default(false),
    /** A provenance file to push beside the package (ChartMuseum's prov field; the OCI provenance layer). */
    provBase64: z.string().min(1).max(4 * 1024 * 1024).optional(),
    /** Sign with this signing key (fingerprint) and push the .prov with the chart, as `helm package --sign` + cm-push do. */
    signWith: z.string().min(16).max(120).optional(),
    /** The signing key's passphrase, when it has one; used once, never stored unless keepPassphrase. */
    passphrase: z.string().max(1024).optional(),
    /** Keep a passphrase that worked in the vault (an explicit user choice). */
    keepPassphrase: z.boolean().default(false),
  })
  .strict();

/** What a push did. */
export const PushResult = z.object({
  name: z.string(),
  version: z.string(),
  forced: z.boolean(),
  chartsUrl: z.string(),
  /** Present when the push carried a .prov: who signed it. */
  signedBy: z.object({ fingerprint: z.string(), userId: z.string() }).optional(),
});

/** What a delete did; for a registry, the manifest digest that went. */
export const DeleteResult = z.object({ name: z.string(), version: z.string(), digest: z.string().optional() });

/** One content descriptor of an OCI manifest. */
export const OciDescriptor = z.object({ mediaType: z.string(), digest: z.string(), size: z.number().int().nonnegative(), annotations: z.record(z.string(), z.string()).optional() });

/** getManifest's result: how a chart version is stored in its registry. */
export const ManifestView = z.object({
  /** `oci://host/namespace/chart:tag`. */
  reference: z.string(),
  digest: z.string(),
  mediaType: z.string(),
  size: z.number().int().nonnegative(),
  config: OciDescriptor,
  /** Each layer with what Helm makes of it. */
  layers: z.array(OciDescriptor.extend({ role: z.enum(['chart', 'legacy-chart', 'provenance', 'other']) })),
  annotations: z.record(z.string(), z.string()),
  /** The manifest as the registry sent it, pretty-printed. */
  json: z.string(),
  /** `helm pull` by tag and by digest. */
  commands: z.object({ byTag: z.string(), byDigest: z.string() }),
});

/** A chart icon as a data: URL, or why there is none. */
export const ChartIcon = z.object({ dataUrl: z.string().nullable(), reason: z.string().optional() });

/** Progress of opening an index (event `indexProgress`); a registry reports charts read of charts found. */
export const IndexProgress = z.object({
  repoId: z.string(),
  phase: z.enum(['download', 'parse', 'done']),
  receivedBytes: z.number().nonnegative(),
  totalBytes: z.number().nonnegative().optional(),
  charts: z.object({ done: z.number().int().nonnegative(), total: z.number().int().nonnegative() }).optional(),
  /** While the index is read: its first charts, sorted by name, to show before the whole list is ready. */
  preview: z.array(ChartSummary).max(100).optional(),
});
