/**
 * The skeleton of an index already decoded into plain data (by the full YAML parser or JSON.parse):
 * each entry is written once as JSON into one detail buffer, so the main thread can decode a
 * chart's details on demand instead of holding every object.
 */
import { ChartDeskError } from '../errors';
import { isRecord } from './normalize-fields';
import type { IndexSkeleton, SkeletonChart } from './parse-skeleton';

const TOP_FIELDS = ['apiVersion', 'generated', 'serverInfo', 'annotations'];

/** Builds the skeleton and the JSON detail text of a decoded index document. */
export function skeletonFromDocument(doc: unknown): { skeleton: IndexSkeleton; detailText: Buffer } {
  if (!isRecord(doc)) {
    throw new ChartDeskError('index-invalid', 'index-parse', 'The file is not a chart index: it should be a mapping with apiVersion and entries.');
  }
  const skeleton: IndexSkeleton = { top: Object.create(null), charts: [], problems: [] };
  for (const field of TOP_FIELDS) if (doc[field] !== undefined) skeleton.top[field] = doc[field];
  const entries = doc.entries;
  if (entries !== undefined && entries !== null && !isRecord(entries)) {
    throw new ChartDeskError('index-invalid', 'index-parse', 'The index’s "entries" is not a mapping of chart names to versions.');
  }
  const chunks: Buffer[] = [];
  let length = 0;
  for (const [name, list] of Object.entries(entries ?? {})) {
    const chart: SkeletonChart = { name, entries: [] };
    skeleton.charts.push(chart);
    if (!Array.isArray(list)) {
      const what = list === null ? 'has no version list' : 'has a version list that is not a list';
      skeleton.problems.push({ chart: name, message: `Chart "${name}" ${what}; it was skipped.` });
      continue;
    }
    for (const item of list) {
      if (!isRecord(item)) {
        chart.entries.push(null);
        skeleton.problems.push({ chart: name, message: `Entry #${chart.entries.length} of chart "${name}" is not a mapping of fields; it was skipped.` });
        continue;
      }
      checkDepth(item, name);
      const bytes = Buffer.from(JSON.stringify(item), 'utf8');
      chart.entries.push({ version: item.version, name: item.name, type: item.type, start: length, end: length + bytes.length, indent: 0 });
      chunks.push(bytes);
      length += bytes.length;
    }
  }
  return { skeleton, detailText: Buffer.concat(chunks, length) };
}

/** Deeper entries than this are refused (JSON.parse itself accepts any depth). */
const MAX_DEPTH = 64;

/** Refuses absurdly nested entries before anything recursive touches them. */
function checkDepth(item: object, chart: string): void {
  const stack: [unknown, number][] = [[item, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop() as [unknown, number];
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_DEPTH) {
      throw new ChartDeskError('index-invalid', 'index-parse', `The index is nested more than ${MAX_DEPTH} levels deep (in chart "${chart.slice(0, 200)}").`);
    }
    for (const inner of Object.values(value)) if (typeof inner === 'object' && inner !== null) stack.push([inner, depth + 1]);
  }
}
