/** Reads what ChartDesk shows from a chart package (.tgz): Chart.yaml, values, schema, README, file list. */
import { ChartDeskError } from '../errors';
import { DEFAULT_ARCHIVE_LIMITS, type ArchiveLimits } from './archive-limits';
import { chartEntryPath } from './chart-entry-path';
import { parseChartMetadata, type ChartMetadata } from './chart-metadata';
import { gunzipCapped } from './gunzip-capped';
import { createTarStreamParser, type TarEntry } from './tar-stream';

/** One file of the chart, path relative to the chart folder. */
export interface ChartFileInfo {
  path: string;
  size: number;
}

/** The readable parts of a chart package. */
export interface ChartArchiveContent {
  /** Chart.yaml as written (BOM removed). */
  chartYaml: string;
  metadata: ChartMetadata;
  valuesYaml?: string;
  valuesSchema?: string;
  readme?: { path: string; text: string };
  /** Regular files, sorted by path, each once (the last copy of a duplicate wins, as with tar). */
  files: ChartFileInfo[];
  /** Sentences about oddities that did not stop the read (duplicates, links, ...). */
  warnings: string[];
}

const KEPT = new Set(['Chart.yaml', 'values.yaml', 'values.schema.json']);
const README = /^readme(\.md|\.txt)?$/i;
const decoder = new TextDecoder('utf-8');

function asText(data: Buffer): string {
  return decoder.decode(data).replace(/^\uFEFF/, '');
}

function pickReadme(kept: Map<string, Buffer>): { path: string; text: string } | undefined {
  const names = [...kept.keys()].filter((name) => README.test(name));
  const rank = (name: string) => (/\.md$/i.test(name) ? 0 : /\.txt$/i.test(name) ? 1 : 2);
  const best = names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))[0];
  const data = best === undefined ? undefined : kept.get(best);
  return best === undefined || data === undefined ? undefined : { path: best, text: asText(data) };
}

/** Reads a .tgz held in memory, within `limits`; throws 'chart-invalid' or 'too-large'. */
export async function readChartArchive(bytes: Buffer, limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS): Promise<ChartArchiveContent> {
  if (bytes.length > limits.maxCompressedBytes) {
    throw new ChartDeskError('too-large', 'read-archive', `The package is larger than ${Math.round(limits.maxCompressedBytes / (1024 * 1024))} MB.`);
  }
  const files = new Map<string, number>();
  const kept = new Map<string, Buffer>();
  let duplicates = 0;
  let links = 0;
  const parser = createTarStreamParser(
    {
      onEntry(entry: TarEntry) {
        const rel = chartEntryPath(entry.path);
        if (rel === undefined || entry.type === 'directory') return false;
        if (entry.type !== 'file') {
          if (entry.type === 'symlink' || entry.type === 'hardlink') links += 1;
          files.delete(rel);
          kept.delete(rel);
          return false;
        }
        if (files.has(rel)) duplicates += 1;
        files.set(rel, entry.size);
        const wanted = KEPT.has(rel) || README.test(rel);
        if (!wanted) {
          kept.delete(rel);
          return false;
        }
        if (entry.size > limits.maxFileBytes) {
          throw new ChartDeskError('too-large', 'read-archive', `The chart's ${rel} is larger than ${Math.round(limits.maxFileBytes / (1024 * 1024))} MB; ChartDesk does not open files that large.`);
        }
        return true;
      },
      onFile(entry, data) {
        const rel = chartEntryPath(entry.path);
        if (rel !== undefined) kept.set(rel, data);
      },
    },
    { maxEntries: limits.maxEntries, maxMetaBytes: 1024 * 1024 },
  );
  await gunzipCapped(bytes, limits.maxDecompressedBytes, { onChunk: (chunk) => parser.write(chunk), isDone: () => parser.finished });
  parser.end();

  const chartData = kept.get('Chart.yaml');
  if (chartData === undefined) throw new ChartDeskError('chart-invalid', 'read-archive', 'The package has no Chart.yaml in its chart folder, so it is not a Helm chart.');
  const chartYaml = asText(chartData);
  const metadata = parseChartMetadata(chartYaml);
  const warnings: string[] = [];
  if (duplicates > 0) warnings.push(`The archive lists ${duplicates} file${duplicates === 1 ? '' : 's'} more than once; the last copy of each is used, as tar does.`);
  if (links > 0) warnings.push(`The archive holds ${links} link${links === 1 ? '' : 's'}, which ChartDesk ignores (Helm reads them as empty files).`);
  const content: ChartArchiveContent = {
    chartYaml,
    metadata,
    files: [...files].map(([path, size]) => ({ path, size })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    warnings,
  };
  const values = kept.get('values.yaml');
  if (values !== undefined) content.valuesYaml = asText(values);
  const schema = kept.get('values.schema.json');
  if (schema !== undefined) content.valuesSchema = asText(schema);
  const readme = pickReadme(kept);
  if (readme !== undefined) content.readme = readme;
  return content;
}
