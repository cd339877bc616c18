/** Reads and checks a Chart.yaml the way Helm's loader does, keeping every scalar as its source text. */
import { parse } from 'yaml';
import { ChartDeskError } from '../errors';
import { printableName } from './chart-entry-path';

/** The Chart.yaml fields ChartDesk shows; every value as the file wrote it. */
export interface ChartMetadata {
  apiVersion: string;
  name: string;
  version: string;
  appVersion?: string;
  description?: string;
  type?: string;
  kubeVersion?: string;
  icon?: string;
  home?: string;
  deprecated: boolean;
}

// Masterminds semver's loose form, which Helm accepts for a chart version ("1.2", "v1.2.3-rc.1").
const LOOSE_SEMVER = /^v?(0|[1-9]\d*)(\.(0|[1-9]\d*))?(\.(0|[1-9]\d*))?(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;

function invalid(message: string): ChartDeskError {
  return new ChartDeskError('chart-invalid', 'read-chart', message);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** True when `name` is usable as a chart name: one path component, no separators or control characters. */
export function isSafeChartName(name: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters make a name unsafe
  return name !== '' && name !== '.' && name !== '..' && name.length <= 250 && !/[/\\\u0000-\u001f\u007f]/.test(name) && !name.startsWith('..');
}

/** Parses Chart.yaml (a UTF-8 BOM is allowed) and checks name, version and type; throws 'chart-invalid'. */
export function parseChartMetadata(source: string): ChartMetadata {
  let doc: unknown;
  try {
    // The failsafe schema keeps every scalar a string ("1.10" stays "1.10") and knows no custom tags.
    doc = parse(source.replace(/^\uFEFF/, ''), { schema: 'failsafe', maxAliasCount: 50, uniqueKeys: false });
  } catch (error) {
    const where = error instanceof Error && 'linePos' in error && Array.isArray(error.linePos) ? ` near line ${String((error.linePos[0] as { line?: number }).line)}` : '';
    throw invalid(`The chart's Chart.yaml is not valid YAML${where}.`);
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw invalid("The chart's Chart.yaml is not a mapping of fields.");
  const fields = doc as Record<string, unknown>;
  const name = text(fields.name);
  const version = text(fields.version);
  if (!name) throw invalid("The chart's Chart.yaml has no name.");
  if (!isSafeChartName(name)) {
    throw invalid(`The chart's name "${printableName(name)}" is not a valid chart name: it contains a path. ChartDesk will not use it.`);
  }
  if (!version) throw invalid(`The chart ${name} has no version in its Chart.yaml.`);
  if (!LOOSE_SEMVER.test(version)) throw invalid(`The chart ${name} has version "${printableName(version, 60)}", which is not a semantic version.`);
  const type = text(fields.type);
  if (type !== undefined && type !== 'application' && type !== 'library') throw invalid(`The chart ${name} has an unknown type "${printableName(type, 40)}".`);
  const meta: ChartMetadata = { apiVersion: text(fields.apiVersion) ?? 'v1', name, version, deprecated: fields.deprecated === 'true' };
  const optional = ['appVersion', 'description', 'type', 'kubeVersion', 'icon', 'home'] as const;
  for (const key of optional) {
    const value = text(fields[key]);
    if (value !== undefined) meta[key] = value;
  }
  return meta;
}
