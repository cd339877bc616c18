/**
 * Contract schemas of the index engine's query results: the compact chart list, ranked search,
 * a chart's full detail and index warnings. They mirror the plain types of
 * electron/core/index/query-types.ts (a test keeps both in step).
 */
import { z } from 'zod';

/** A chart maintainer as the index lists it. */
export const ChartMaintainer = z.object({
  name: z.string(),
  email: z.string().optional(),
  url: z.string().optional(),
});

/** A dependency as the index lists it (from Chart.yaml). */
export const ChartDependency = z.object({
  name: z.string(),
  version: z.string().optional(),
  repository: z.string().optional(),
  condition: z.string().optional(),
  tags: z.array(z.string()).optional(),
  enabled: z.boolean().optional(),
  alias: z.string().optional(),
  importValues: z.array(z.union([z.string(), z.object({ child: z.string(), parent: z.string() })])).optional(),
});

/** One version of a chart with every field the index carries; texts exactly as the index wrote them. */
export const ChartVersion = z.object({
  name: z.string(),
  version: z.string(),
  apiVersion: z.string(),
  appVersion: z.string().optional(),
  description: z.string().optional(),
  home: z.string().optional(),
  icon: z.string().optional(),
  kubeVersion: z.string().optional(),
  type: z.string().optional(),
  condition: z.string().optional(),
  tags: z.string().optional(),
  deprecated: z.boolean(),
  keywords: z.array(z.string()),
  sources: z.array(z.string()),
  maintainers: z.array(ChartMaintainer),
  dependencies: z.array(ChartDependency),
  annotations: z.record(z.string(), z.string()),
  /** Package URLs, absolute or relative to the index URL. */
  urls: z.array(z.string()),
  /** RFC 3339 as written (nanoseconds and offsets kept). */
  created: z.string().optional(),
  digest: z.string().optional(),
  /** The digest came from the legacy `checksum` field (often SHA-1). */
  digestFromChecksum: z.boolean().optional(),
  removed: z.boolean().optional(),
  /** True when only the versions table's fields were read (version, app version, dates, digest, URLs, flags): lists and annotations are then empty, not absent from the chart. */
  partial: z.boolean().optional(),
  /** False when Helm's semver rules cannot parse the version (listed last). */
  validSemver: z.boolean(),
  prerelease: z.boolean(),
  /** An earlier entry has the same version; Helm uses the first. */
  duplicate: z.boolean(),
  /** OCI registries: the tag this version is stored under (`+` written as `_`). */
  tag: z.string().optional(),
  /** OCI registries: the digest of the version's manifest, when it has been read. */
  manifestDigest: z.string().optional(),
});

/** One line of the compact chart list. */
export const ChartSummary = z.object({
  name: z.string(),
  /** Newest stable version, or the newest one when all are pre-releases. */
  latestVersion: z.string(),
  appVersion: z.string().optional(),
  description: z.string().optional(),
  icon: z.string().optional(),
  deprecated: z.boolean(),
  versionCount: z.number().int().nonnegative(),
  keywords: z.array(z.string()),
  type: z.string().optional(),
  /** When the summary's version was released: its `created` as written (RFC 3339), when known. */
  created: z.string().optional(),
  /** Set when the entry is listed but is not a usable chart (an OCI artifact of another kind, an unreadable manifest, no version tags). */
  problem: z.object({ kind: z.enum(['not-a-chart', 'unreadable', 'no-versions']), message: z.string() }).optional(),
  /** True while a registry chart's versions are still being read (the list shows its name meanwhile). */
  pending: z.boolean().optional(),
});

/** A page of the compact chart list, sorted by name. */
export const ChartList = z.object({
  total: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  items: z.array(ChartSummary),
});

/** Where a query matched. */
export const SearchField = z.enum(['name', 'keyword', 'description']);

/** One search hit. */
export const SearchHit = z.object({ chart: ChartSummary, score: z.number(), matched: z.array(SearchField) });

/** Ranked search results: name (exact > prefix > substring), then keywords, then description. */
export const SearchResult = z.object({ query: z.string(), total: z.number().int().nonnegative(), hits: z.array(SearchHit) });

/** Something skipped or only partly used while reading an index; the index still loaded. */
export const IndexWarning = z.object({
  message: z.string(),
  chart: z.string().optional(),
  version: z.string().optional(),
  line: z.number().int().positive().optional(),
});

/** A chart with its versions, newest first (non-semver versions last): all of them, or the page asked for. */
export const ChartDetail = z.object({
  name: z.string(),
  summary: ChartSummary,
  /** The versions asked for (all, or the first `limit`), fully decoded. */
  versions: z.array(ChartVersion),
  /** Every version string of the chart, in the same order as versions (versions is a prefix of it when a limit was asked). */
  allVersions: z.array(z.string()),
  /** Warnings about the decoded versions only (versions not decoded are not looked at). */
  warnings: z.array(IndexWarning),
  /** OCI registries: tags that are not chart versions (`latest`, signatures…), shown apart. */
  otherTags: z.array(z.string()).optional(),
});

/** Facts about a parsed index. */
export const IndexInfo = z.object({
  format: z.enum(['yaml', 'json']),
  parser: z.enum(['fast', 'full', 'json']),
  bytes: z.number().int().nonnegative(),
  apiVersion: z.string().optional(),
  generated: z.string().optional(),
  contextPath: z.string().optional(),
  /** True when the index has a `serverInfo` key: served by ChartMuseum, not a static repo. */
  servedByChartMuseum: z.boolean(),
  chartCount: z.number().int().nonnegative(),
  versionCount: z.number().int().nonnegative(),
  warningCount: z.number().int().nonnegative(),
  warnings: z.array(IndexWarning),
});
