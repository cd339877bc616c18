/**
 * The shapes the index engine answers queries with. Plain data (no classes), small enough to cross
 * the transport; electron/contract/charts.ts holds the matching zod schemas.
 */

/** A chart maintainer as the index lists it. */
export interface ChartMaintainer {
  name: string;
  email?: string;
  url?: string;
}

/** A dependency as the index lists it (from Chart.yaml). */
export interface ChartDependency {
  name: string;
  version?: string;
  repository?: string;
  condition?: string;
  tags?: string[];
  enabled?: boolean;
  alias?: string;
  importValues?: (string | { child: string; parent: string })[];
}

/** One version of a chart with every field the index carries for it. */
export interface ChartVersion {
  name: string;
  /** Exactly as the index wrote it ("1.10" stays "1.10"). */
  version: string;
  /** The chart API version; "v1" when the entry has none (as Helm assumes). */
  apiVersion: string;
  appVersion?: string;
  description?: string;
  home?: string;
  icon?: string;
  kubeVersion?: string;
  /** "application" or "library"; absent means application. */
  type?: string;
  condition?: string;
  tags?: string;
  deprecated: boolean;
  keywords: string[];
  sources: string[];
  maintainers: ChartMaintainer[];
  dependencies: ChartDependency[];
  annotations: Record<string, string>;
  /** Package URLs, absolute or relative to the index URL (legacy `url` folded in). */
  urls: string[];
  /** The `created` timestamp as written (RFC 3339, possibly with nanoseconds and an offset). */
  created?: string;
  /** sha256 of the package; from the legacy `checksum` field when `digest` is absent. */
  digest?: string;
  /** True when digest came from the legacy `checksum` field (often a SHA-1, not a sha256). */
  digestFromChecksum?: boolean;
  removed?: boolean;
  /** True when only the versions table's fields were read; lists and annotations are then empty. */
  partial?: boolean;
  /** False when Helm's semver rules cannot parse the version (such versions sort last). */
  validSemver: boolean;
  prerelease: boolean;
  /** True when an earlier entry (after sorting) has the same version; Helm uses the first. */
  duplicate: boolean;
  /** OCI registries: the tag this version is stored under (`+` written as `_`). */
  tag?: string;
  /** OCI registries: the digest of the version's manifest, when it has been read. */
  manifestDigest?: string;
}

/** One line of the compact chart list. */
export interface ChartSummary {
  name: string;
  /** The newest stable version, or the newest version when all are pre-releases. */
  latestVersion: string;
  appVersion?: string;
  description?: string;
  icon?: string;
  deprecated: boolean;
  versionCount: number;
  keywords: string[];
  type?: string;
  /** When the summary's version was released: its `created` as written (RFC 3339), when known. */
  created?: string;
  /** Set when the entry is listed but is not a usable chart (an OCI artifact of another kind, an unreadable manifest, no version tags). */
  problem?: ChartProblem;
  /** True while a registry chart's versions are still being read (the list shows its name meanwhile). */
  pending?: boolean;
}

/** Why a listed entry is not a usable chart, in words. */
export interface ChartProblem {
  kind: 'not-a-chart' | 'unreadable' | 'no-versions';
  message: string;
}

/** A page of the compact chart list, sorted by name. */
export interface ChartList {
  total: number;
  offset: number;
  items: ChartSummary[];
}

/** Where a search query matched a chart. */
export type SearchField = 'name' | 'keyword' | 'description';

/** One search hit. */
export interface SearchHit {
  chart: ChartSummary;
  score: number;
  matched: SearchField[];
}

/** Ranked search results: name (exact > prefix > substring), then keywords, then description. */
export interface SearchResult {
  query: string;
  total: number;
  hits: SearchHit[];
}

/** Something the index engine skipped or could not fully use; the index still loaded. */
export interface IndexWarning {
  message: string;
  chart?: string;
  version?: string;
  line?: number;
}

/** A chart with its versions, newest first (non-semver versions last): all of them, or the page asked for. */
export interface ChartDetail {
  name: string;
  summary: ChartSummary;
  /** The versions asked for, fully decoded. */
  versions: ChartVersion[];
  /** Every version string of the chart, in the same order as versions (no decoding needed). */
  allVersions: string[];
  /** Warnings about the decoded versions only. */
  warnings: IndexWarning[];
  /** OCI registries: tags that are not chart versions (`latest`, signatures…), shown apart. */
  otherTags?: string[];
}

/** What a parse learns about the document itself; shared by the parse result and IndexInfo. */
export interface IndexSourceFacts {
  format: 'yaml' | 'json';
  /** "fast" for the block-YAML scanner, "full" for the general YAML parser, "json" for JSON. */
  parser: 'fast' | 'full' | 'json';
  /** Size of the source document in bytes. */
  bytes: number;
  apiVersion?: string;
  generated?: string;
  /** ChartMuseum's serverInfo.contextPath, when present. */
  contextPath?: string;
  /** True when the index has a top-level `serverInfo` key, which ChartMuseum always writes and `helm repo index` never does. */
  servedByChartMuseum: boolean;
}

/** Facts about a loaded index. */
export interface IndexInfo extends IndexSourceFacts {
  chartCount: number;
  versionCount: number;
  warningCount: number;
  /** The first warnings (at most 200). */
  warnings: IndexWarning[];
}
