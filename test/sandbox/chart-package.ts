/** Reads a chart package's Chart.yaml the way Helm 3's loader does, with Helm's error messages. */
import { posix } from 'node:path';
import { parse } from 'yaml';
import { readTgz, TarError, type TarFile } from './tar-reader';

/** A package that is not a loadable chart; `message` is what ChartMuseum puts in its 400 body. */
export class ChartPackageError extends Error {}

/** Chart.yaml fields in the order of Helm's chart.Metadata struct (its JSON order). */
export const METADATA_FIELDS = [
  'name', 'home', 'sources', 'version', 'description', 'keywords', 'maintainers', 'icon', 'apiVersion',
  'condition', 'tags', 'appVersion', 'deprecated', 'annotations', 'kubeVersion', 'dependencies', 'type',
] as const;

/** A package's metadata and the file name ChartMuseum stores it under. */
export interface ChartPackage {
  metadata: Record<string, unknown>;
  name: string;
  version: string;
  filename: string;
  chartYamlMtime: Date;
}

// Masterminds/semver's loose version syntax (what Helm accepts).
const SEMVER = /^v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?(\+([0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*))?$/;

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined || value === '' || value === false) return true;
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && Object.keys(value).length === 0;
}

function findChartYaml(files: TarFile[]): TarFile {
  if (files.length === 0) throw new ChartPackageError('no files in chart archive');
  let chartYaml: TarFile | undefined;
  for (const file of files) {
    const parts = file.name.split('/');
    if (parts[0] === 'Chart.yaml') throw new ChartPackageError('chart yaml not in base directory');
    const rest = parts.slice(1).join('/');
    if (rest === '') continue;
    if (posix.isAbsolute(rest)) throw new ChartPackageError('chart illegally contains absolute paths');
    const clean = posix.normalize(rest);
    if (clean === '.' || clean === './') throw new ChartPackageError('chart illegally contains content outside the base directory');
    if (clean.startsWith('..')) throw new ChartPackageError('chart illegally references parent directory');
    if (clean === 'Chart.yaml') chartYaml = file;
  }
  if (!chartYaml) throw new ChartPackageError('Chart.yaml file is missing');
  return chartYaml;
}

function toMetadata(raw: Record<string, unknown>): Record<string, unknown> {
  const metadata: Record<string, unknown> = {};
  for (const field of METADATA_FIELDS) {
    let value = raw[field];
    if ((field === 'version' || field === 'appVersion') && typeof value === 'number') value = String(value);
    if (!isEmpty(value)) metadata[field] = value;
  }
  if (metadata.apiVersion === undefined) metadata.apiVersion = 'v1'; // Helm 3 assumes v1 when absent
  return metadata;
}

/** Loads a .tgz's Chart.yaml and validates name and version like Helm; throws ChartPackageError. */
export function readChartPackage(content: Buffer): ChartPackage {
  let files: TarFile[];
  try {
    files = readTgz(content);
  } catch (error) {
    throw new ChartPackageError(error instanceof TarError ? error.message : 'archive/tar: invalid tar header');
  }
  const chartYaml = findChartYaml(files);
  let raw: unknown;
  try {
    raw = parse(chartYaml.data.toString('utf8').replace(/^\uFEFF/, ''), { maxAliasCount: 100 });
  } catch (error) {
    throw new ChartPackageError(`cannot load Chart.yaml: error converting YAML to JSON: yaml: ${(error as Error).message.split('\n')[0]}`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new ChartPackageError('cannot load Chart.yaml: error unmarshaling JSON: cannot unmarshal into Go value of type chart.Metadata');
  }
  const metadata = toMetadata(raw as Record<string, unknown>);
  const name = metadata.name;
  const version = metadata.version;
  if (typeof name !== 'string') throw new ChartPackageError('validation: chart.metadata.name is required');
  if (posix.basename(name) !== name || name.includes('\\')) throw new ChartPackageError(`validation: chart.metadata.name ${JSON.stringify(name)} is invalid`);
  if (typeof version !== 'string') throw new ChartPackageError('validation: chart.metadata.version is required');
  if (!SEMVER.test(version)) throw new ChartPackageError(`validation: chart.metadata.version ${JSON.stringify(version)} is invalid`);
  return { metadata, name, version, filename: `${name}-${version}.tgz`, chartYamlMtime: chartYaml.mtime };
}
