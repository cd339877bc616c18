/** The charts of one registry namespace held in memory: the compact list, ranked search and chart detail, as an index gives them. */
import type { ChartDetail, ChartList, ChartProblem, ChartSummary, ChartVersion, SearchResult } from '../index/query-types';
import { SearchIndex } from '../index/query-search';
import type { ChartTags } from './registry-tags';

/** One repository of the namespace and what is known of it. */
export interface RegistryChart {
  /** The chart's name relative to the namespace (how it is listed and addressed). */
  name: string;
  /** The full repository name in the registry. */
  repository: string;
  tags: ChartTags;
  /** Versions read so far (manifest + config), by tag. */
  read: Map<string, ChartVersion>;
  problem?: ChartProblem;
  /** True while its tags and newest version are still being read. */
  pending?: boolean;
}

/** How to name a tag of a chart: `oci://host/repository:tag`. */
export type ReferenceOf = (chart: RegistryChart, tag: string) => string;

const MAX_LIMIT = 100_000;

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(Math.max(Math.trunc(value), min), max) : min;
}

/** A version known only by its tag (its manifest has not been read). */
function bareVersion(chart: RegistryChart, tag: string, version: string, reference: string): ChartVersion {
  return {
    name: chart.name.split('/').pop() ?? chart.name,
    version,
    apiVersion: '',
    deprecated: false,
    keywords: [],
    sources: [],
    maintainers: [],
    dependencies: [],
    annotations: {},
    urls: [reference],
    validSemver: true,
    prerelease: /^[^+]*-/.test(version),
    duplicate: false,
    tag,
  };
}

/** The compact line of a chart: from its newest stable version when that has been read. */
export function summaryOf(chart: RegistryChart): ChartSummary {
  const latestTag = chart.tags.versions[chart.tags.latest];
  const latest = latestTag ? chart.read.get(latestTag.tag) : undefined;
  const summary: ChartSummary = {
    name: chart.name,
    latestVersion: latestTag?.version ?? '',
    deprecated: latest?.deprecated ?? false,
    versionCount: chart.tags.versions.length,
    keywords: latest?.keywords ?? [],
  };
  if (latest?.appVersion !== undefined) summary.appVersion = latest.appVersion;
  if (latest?.description !== undefined) summary.description = latest.description;
  if (latest?.icon !== undefined) summary.icon = latest.icon;
  if (latest?.type !== undefined) summary.type = latest.type;
  if (latest?.created !== undefined) summary.created = latest.created;
  if (chart.problem) summary.problem = chart.problem;
  if (chart.pending) summary.pending = true;
  return summary;
}

/** Queries over a namespace's charts; charts still being read are listed by name and replaced as they arrive. */
export class RegistryNamespace {
  private readonly byName = new Map<string, RegistryChart>();
  private readonly names: string[];
  private cachedSummaries: ChartSummary[] | undefined;
  private searchIndex: SearchIndex | undefined;

  constructor(
    charts: readonly RegistryChart[],
    private readonly referenceOf: ReferenceOf,
  ) {
    for (const chart of charts) this.byName.set(chart.name, chart);
    this.names = [...this.byName.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** Every chart, sorted by name. */
  get charts(): RegistryChart[] {
    return this.names.map((n) => this.byName.get(n) as RegistryChart);
  }

  /** The chart called `name`, or undefined. */
  chart(name: string): RegistryChart | undefined {
    return this.byName.get(name);
  }

  /** Puts a chart that has been read in place of its placeholder. */
  replace(chart: RegistryChart): void {
    if (!this.byName.has(chart.name)) return;
    this.byName.set(chart.name, chart);
    this.refreshSummaries();
  }

  /** Every summary, sorted by name (the same list until the next refresh). */
  all(): readonly ChartSummary[] {
    return this.summaries;
  }

  /** Rebuilds the list after more versions were read. */
  refreshSummaries(): void {
    this.cachedSummaries = undefined;
    this.searchIndex = undefined;
  }

  private get summaries(): ChartSummary[] {
    this.cachedSummaries ??= this.charts.map(summaryOf);
    return this.cachedSummaries;
  }

  /** Charts and version tags in total, and how many charts are still being read. */
  counts(): { charts: number; versions: number; pending: number } {
    const all = this.charts;
    return { charts: all.length, versions: all.reduce((n, c) => n + c.tags.versions.length, 0), pending: all.filter((c) => c.pending).length };
  }

  list(page: { offset?: number; limit?: number } = {}): ChartList {
    const offset = clamp(page.offset ?? 0, 0, this.summaries.length);
    const limit = clamp(page.limit ?? 100, 0, MAX_LIMIT);
    return { total: this.summaries.length, offset, items: this.summaries.slice(offset, offset + limit) };
  }

  search(query: string, limit = 50): SearchResult {
    this.searchIndex ??= new SearchIndex(this.summaries);
    const hits = this.searchIndex.search(query);
    return { query, total: hits.length, hits: hits.slice(0, clamp(limit, 0, MAX_LIMIT)) };
  }

  summary(name: string): ChartSummary | undefined {
    const chart = this.byName.get(name);
    return chart ? summaryOf(chart) : undefined;
  }

  /** A chart's versions newest first (read ones in full, the rest by tag; the first `limit` when given, allVersions naming every one) and its other tags. */
  detail(name: string, limit?: number): ChartDetail | undefined {
    const chart = this.byName.get(name);
    if (!chart) return undefined;
    const seen = new Set<string>();
    const page = chart.tags.versions.slice(0, clamp(limit ?? MAX_LIMIT, 0, MAX_LIMIT));
    const versions = page.map(({ tag, version }) => {
      const read = chart.read.get(tag) ?? bareVersion(chart, tag, version, this.referenceOf(chart, tag));
      const duplicate = seen.has(version);
      seen.add(version);
      return duplicate ? { ...read, duplicate } : read;
    });
    const allVersions = chart.tags.versions.map((v) => v.version);
    const warnings = chart.problem ? [{ chart: chart.name, message: chart.problem.message }] : [];
    return { name, summary: summaryOf(chart), versions, allVersions, warnings, otherTags: chart.tags.others };
  }
}
