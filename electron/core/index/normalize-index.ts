/**
 * Normalizes a parsed skeleton as Helm loads an index: broken entries skipped with a warning that
 * names them, each chart's versions sorted newest first (non-semver last), duplicates flagged
 * (kept, the first one wins as in Helm's lookup), and a summary built from each chart's latest
 * version.
 */
import { decodeEntry } from './normalize-decode';
import { isRecord, textField } from './normalize-fields';
import { normalizeVersion } from './normalize-version';
import { FLAG_DUPLICATE, type IndexData } from './parse-result';
import type { IndexSkeleton, SkeletonEntry } from './parse-skeleton';
import { WarningList } from './normalize-warnings';
import type { ChartSummary } from './query-types';
import { orderVersions } from './semver-order';

/** Everything the builder needs besides the skeleton. */
export interface BuildInput {
  skeleton: IndexSkeleton;
  detailText: Buffer;
  detailFormat: 'yaml' | 'json';
  format: IndexData['format'];
  parser: IndexData['parser'];
  bytes: number;
  /** Byte offsets in problems and entries are offsets in the source (fast path): lines can be computed. */
  offsetsAreSource: boolean;
}

/** Builds the transferable IndexData from a skeleton. */
export function buildIndexData(input: BuildInput): IndexData {
  const { skeleton, detailText } = input;
  const warnings = new WarningList(input.offsetsAreSource ? detailText : undefined);
  for (const problem of skeleton.problems) warnings.add(problem);
  const top = skeleton.top;
  const ignore = (): void => undefined;
  const apiVersion = textField(top.apiVersion, 'apiVersion', ignore);
  if (!apiVersion) warnings.add({ message: 'The index has no apiVersion; it was read anyway.' });
  const serverInfo = top.serverInfo;
  const charts = [...skeleton.charts].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  const chartNames: string[] = [];
  const chartFirst: number[] = [];
  const versions: string[] = [];
  const locators: number[] = [];
  const flags: number[] = [];
  const summaries: ChartSummary[] = [];
  for (const chart of charts) {
    const kept: SkeletonEntry[] = [];
    const texts: string[] = [];
    for (const entry of chart.entries) {
      if (entry === null) continue;
      const problem = entryProblem(entry);
      if (problem === null) {
        kept.push(entry);
        texts.push(typeof entry.version === 'string' ? entry.version : String(entry.version));
      } else warnings.add({ chart: chart.name, version: describeVersion(entry.version), offset: entry.start, message: `Chart "${chart.name}" ${problem}; the entry was skipped.` });
    }
    if (kept.length === 0) {
      if (chart.entries.length > 0) warnings.add({ chart: chart.name, message: `Chart "${chart.name}" has no usable versions; it was skipped.` });
      continue;
    }
    const { order, latest, hasTies } = orderVersions(texts);
    chartNames.push(chart.name);
    chartFirst.push(versions.length);
    const seen = hasTies ? new Set<string>() : undefined;
    for (const i of order) {
      const entry = kept[i] as SkeletonEntry;
      const text = texts[i] as string;
      const duplicate = seen !== undefined && seen.has(text);
      if (duplicate) warnings.add({ chart: chart.name, version: text, message: `Chart "${chart.name}" lists version ${text} more than once; the first entry is used.` });
      seen?.add(text);
      versions.push(text);
      locators.push(entry.start, entry.end, entry.indent);
      flags.push(duplicate ? FLAG_DUPLICATE : 0);
    }
    const top = kept[order[latest] as number] as SkeletonEntry;
    summaries.push(summarize(chart.name, top, texts[order[latest] as number] as string, kept.length, input));
  }
  chartFirst.push(versions.length);
  const data: IndexData = {
    format: input.format,
    parser: input.parser,
    bytes: input.bytes,
    detailText,
    detailFormat: input.detailFormat,
    chartNames,
    chartFirst: Uint32Array.from(chartFirst),
    versions,
    locators: Uint32Array.from(locators),
    flags: Uint8Array.from(flags),
    summaries,
    warnings: warnings.list(),
    warningCount: warnings.count,
    servedByChartMuseum: Object.prototype.hasOwnProperty.call(top, 'serverInfo'),
  };
  if (apiVersion) data.apiVersion = apiVersion;
  const generated = textField(top.generated, 'generated', ignore);
  if (generated) data.generated = generated;
  const contextPath = isRecord(serverInfo) ? textField(serverInfo.contextPath, 'serverInfo.contextPath', ignore) : undefined;
  if (contextPath) data.contextPath = contextPath;
  return data;
}

/** Why Helm would skip this entry, or null when it is usable. */
function entryProblem(entry: SkeletonEntry): string | null {
  const version = entry.version;
  if (!((typeof version === 'string' && version !== '') || typeof version === 'number')) return 'has an entry without a version';
  const name = entry.name;
  if (typeof name !== 'string' || name === '') return `version ${String(version)} has no name`;
  if (name.includes('/') || name.includes('\\')) return `version ${String(version)} has an invalid name "${name.slice(0, 200)}"`;
  const type = entry.type;
  if (type !== undefined && type !== null && type !== '' && type !== 'application' && type !== 'library') {
    return `version ${String(version)} has an unknown type "${String(type).slice(0, 100)}"`;
  }
  return null;
}

function describeVersion(version: unknown): string | undefined {
  return typeof version === 'string' || typeof version === 'number' ? String(version) : undefined;
}

/** The fields a summary uses: only these are decoded from the latest entry. */
const SUMMARY_FIELDS: ReadonlySet<string> = new Set(['version', 'name', 'appVersion', 'description', 'icon', 'deprecated', 'keywords', 'type', 'created']);

/** The summary of a chart from its latest stable version (or its newest one). */
function summarize(name: string, latest: SkeletonEntry, version: string, count: number, input: BuildInput): ChartSummary {
  const raw = decodeEntry(input.detailText, input.detailFormat, latest.start, latest.end, latest.indent, SUMMARY_FIELDS);
  const v = normalizeVersion(raw, { duplicate: false }, () => undefined);
  const summary: ChartSummary = { name, latestVersion: version, deprecated: v.deprecated, versionCount: count, keywords: v.keywords };
  if (v.appVersion !== undefined) summary.appVersion = v.appVersion;
  if (v.description !== undefined) summary.description = v.description;
  if (v.icon !== undefined) summary.icon = v.icon;
  if (v.type !== undefined) summary.type = v.type;
  if (v.created !== undefined) summary.created = v.created;
  return summary;
}
