/**
 * A loaded index on the main thread: the compact chart list, ranked search and a chart's full
 * detail decoded on demand, so the UI never receives the whole index.
 */
import { decodeEntry } from './normalize-decode';
import { normalizeVersion } from './normalize-version';
import { FLAG_DUPLICATE, type IndexData } from './parse-result';
import { SearchIndex } from './query-search';
import type { ChartDetail, ChartList, ChartSummary, ChartVersion, IndexInfo, IndexWarning, SearchResult } from './query-types';

/** Warnings listed in IndexInfo (the rest are counted). */
const INFO_WARNINGS = 200;
/** The raw fields a versions-table row needs (normalizeVersion reads these; `checksum` and `url` are legacy spellings). */
const ROW_FIELDS: ReadonlySet<string> = new Set(['name', 'version', 'apiVersion', 'appVersion', 'created', 'digest', 'checksum', 'urls', 'url', 'deprecated', 'removed', 'type']);
/** Default and largest page sizes. */
const DEFAULT_LIMIT = 100;
const MAX_LIMIT = 100_000;

/** Queries over one parsed index. */
export class ChartIndex {
  private readonly detailText: Buffer;
  private readonly byName = new Map<string, number>();
  private searchIndex: SearchIndex | undefined;

  constructor(private readonly data: IndexData) {
    const text = data.detailText;
    this.detailText = Buffer.isBuffer(text) ? text : Buffer.from(text.buffer, text.byteOffset, text.byteLength);
    data.chartNames.forEach((name, i) => this.byName.set(name, i));
  }

  /** Facts about the index and its first warnings. */
  info(): IndexInfo {
    const { data } = this;
    const info: IndexInfo = {
      format: data.format,
      parser: data.parser,
      bytes: data.bytes,
      chartCount: data.chartNames.length,
      versionCount: data.versions.length,
      warningCount: data.warningCount,
      warnings: data.warnings.slice(0, INFO_WARNINGS),
      servedByChartMuseum: data.servedByChartMuseum,
    };
    if (data.apiVersion !== undefined) info.apiVersion = data.apiVersion;
    if (data.generated !== undefined) info.generated = data.generated;
    if (data.contextPath !== undefined) info.contextPath = data.contextPath;
    return info;
  }

  /** A page of the chart list, sorted by name. */
  list(page: { offset?: number; limit?: number } = {}): ChartList {
    const offset = clamp(page.offset ?? 0, 0, this.data.summaries.length);
    const limit = clamp(page.limit ?? DEFAULT_LIMIT, 0, MAX_LIMIT);
    return { total: this.data.summaries.length, offset, items: this.data.summaries.slice(offset, offset + limit) };
  }

  /** Ranked search; the search structure is built on first use. */
  search(query: string, limit = 50): SearchResult {
    this.searchIndex ??= new SearchIndex(this.data.summaries);
    const hits = this.searchIndex.search(query);
    return { query, total: hits.length, hits: hits.slice(0, clamp(limit, 0, MAX_LIMIT)) };
  }

  /** The summary of a chart, or undefined when the index has no such chart. */
  summary(name: string): ChartSummary | undefined {
    const i = this.byName.get(name);
    return i === undefined ? undefined : this.data.summaries[i];
  }

  /**
   * A chart with its versions newest first (all of them, or the page asked for; allVersions names
   * every one), or undefined when the index has no such chart. Only the page's versions are decoded;
   * past its first `detailed` ones, only their versions-table fields (`partial`).
   */
  detail(name: string, page: { offset?: number | undefined; limit?: number | undefined; detailed?: number | undefined } = {}): ChartDetail | undefined {
    const i = this.byName.get(name);
    if (i === undefined) return undefined;
    const first = this.data.chartFirst[i] as number;
    const end = this.data.chartFirst[i + 1] as number;
    const from = first + clamp(page.offset ?? 0, 0, end - first);
    const to = Math.min(end, from + clamp(page.limit ?? MAX_LIMIT, 0, MAX_LIMIT));
    const warnings: IndexWarning[] = [];
    const versions: ChartVersion[] = [];
    const fullTo = Math.min(to, from + clamp(page.detailed ?? MAX_LIMIT, 0, MAX_LIMIT));
    for (let v = from; v < to; v++) versions.push(this.decodeVersion(name, v, warnings, v >= fullTo));
    return { name, summary: this.data.summaries[i] as ChartSummary, versions, allVersions: this.data.versions.slice(first, end), warnings };
  }

  /** One version of a chart (the first entry when the index lists it twice), or undefined. */
  version(name: string, version: string): ChartVersion | undefined {
    const i = this.byName.get(name);
    if (i === undefined) return undefined;
    const { chartFirst, versions } = this.data;
    for (let v = chartFirst[i] as number; v < (chartFirst[i + 1] as number); v++) {
      if (versions[v] === version) return this.decodeVersion(name, v, []);
    }
    return undefined;
  }

  /** The chart names, sorted. */
  chartNames(): readonly string[] {
    return this.data.chartNames;
  }

  private decodeVersion(chart: string, v: number, warnings: IndexWarning[], rowOnly = false): ChartVersion {
    const { locators, flags, detailFormat, versions } = this.data;
    const decoded = decodeEntry(this.detailText, detailFormat, locators[v * 3] as number, locators[v * 3 + 1] as number, locators[v * 3 + 2] as number, rowOnly ? ROW_FIELDS : undefined);
    // A JSON entry is parsed whole: keep a row's fields only, so both formats answer alike.
    const raw = rowOnly ? Object.fromEntries(Object.entries(decoded).filter(([key]) => ROW_FIELDS.has(key))) : decoded;
    const version = versions[v] as string;
    const normalized = normalizeVersion(raw, { duplicate: ((flags[v] as number) & FLAG_DUPLICATE) !== 0 }, (note) =>
      warnings.push({ chart, version, message: `Chart "${chart}" version ${version}: ${note}.` }),
    );
    if (rowOnly) normalized.partial = true;
    return normalized;
  }
}

function clamp(value: number, min: number, max: number): number {
  return Number.isFinite(value) ? Math.min(Math.max(Math.trunc(value), min), max) : min;
}
