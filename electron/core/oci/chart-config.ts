/**
 * A Helm chart's OCI config blob: Chart.yaml as JSON. Read into a ChartVersion the way index entries
 * are read, and written for a push exactly as Helm's `json.Marshal(chart.Metadata)` writes it.
 */
import { parse } from 'yaml';
import { ChartDeskError } from '../errors';
import { isRecord } from '../index/normalize-fields';
import { normalizeVersion } from '../index/normalize-version';
import type { ChartVersion } from '../index/query-types';

/** Largest config blob read, bytes (a Chart.yaml as JSON is a few KB). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/** What a config blob says, plus what the manifest adds: the created time and the package digest. */
export interface ConfigFacts {
  /** The chart reference for the version's URL (`oci://host/ns/chart:tag`). */
  reference: string;
  tag: string;
  created?: string;
  /** `sha256:<hex>` of the chart layer. */
  chartDigest?: string;
  manifestDigest: string;
}

/** Reads config bytes into a chart version; throws 'chart-invalid' when they are not Chart.yaml JSON. */
export function chartVersionOfConfig(bytes: Buffer, facts: ConfigFacts): ChartVersion {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new ChartDeskError('chart-invalid', 'read-config', `The config of ${facts.reference} is not JSON, so it is not a Helm chart’s Chart.yaml.`);
  }
  if (!isRecord(json)) throw new ChartDeskError('chart-invalid', 'read-config', `The config of ${facts.reference} is not a JSON object.`);
  const version = normalizeVersion({ ...json, urls: [facts.reference] }, { duplicate: false }, () => undefined);
  if (!version.name || !version.version) throw new ChartDeskError('chart-invalid', 'read-config', `The config of ${facts.reference} names no chart or version.`);
  version.tag = facts.tag;
  version.manifestDigest = facts.manifestDigest;
  if (facts.created) version.created = facts.created;
  if (facts.chartDigest) version.digest = facts.chartDigest.replace(/^sha256:/, '');
  return version;
}

const TEXT_FIELDS = ['name', 'home', 'sources', 'version', 'description', 'keywords', 'maintainers', 'icon', 'apiVersion', 'condition', 'tags', 'appVersion', 'deprecated', 'annotations', 'kubeVersion', 'dependencies', 'type'] as const;

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function texts(value: unknown): string[] | undefined {
  const list = (Array.isArray(value) ? value : []).map(text).filter((v): v is string => v !== undefined);
  return list.length ? list : undefined;
}

function truthy(value: unknown): boolean {
  return value === true || value === 'true';
}

function maintainers(value: unknown): Array<Record<string, string>> | undefined {
  const list = (Array.isArray(value) ? value : []).filter(isRecord).map((m) => {
    const out: Record<string, string> = {};
    for (const key of ['name', 'email', 'url'] as const) {
      const v = text(m[key]);
      if (v !== undefined) out[key] = v;
    }
    return out;
  });
  return list.length ? list : undefined;
}

/** One dependency as Helm's Dependency struct marshals it: name and repository always, the rest when set. */
function dependency(d: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { name: text(d.name) ?? '' };
  const version = text(d.version);
  if (version !== undefined) out.version = version;
  out.repository = text(d.repository) ?? '';
  const condition = text(d.condition);
  if (condition !== undefined) out.condition = condition;
  const tags = texts(d.tags);
  if (tags) out.tags = tags;
  if (truthy(d.enabled)) out.enabled = true;
  if (Array.isArray(d['import-values']) && d['import-values'].length) out['import-values'] = d['import-values'];
  const alias = text(d.alias);
  if (alias !== undefined) out.alias = alias;
  return out;
}

/** The config blob Helm writes for a chart: its Chart.yaml as JSON, fields in Helm's struct order, empty ones left out. */
export function helmConfigJson(chartYaml: string): Buffer {
  let doc: unknown;
  try {
    doc = parse(chartYaml.replace(/^\uFEFF/, ''), { schema: 'failsafe', maxAliasCount: 50, uniqueKeys: false });
  } catch {
    throw new ChartDeskError('chart-invalid', 'read-chart', "The chart's Chart.yaml is not valid YAML.");
  }
  if (!isRecord(doc)) throw new ChartDeskError('chart-invalid', 'read-chart', "The chart's Chart.yaml is not a mapping of fields.");
  const out: Record<string, unknown> = {};
  for (const field of TEXT_FIELDS) {
    const raw = doc[field];
    let value: unknown;
    if (field === 'sources' || field === 'keywords') value = texts(raw);
    else if (field === 'maintainers') value = maintainers(raw);
    else if (field === 'deprecated') value = truthy(raw) ? true : undefined;
    else if (field === 'annotations') {
      const entries = isRecord(raw) ? Object.entries(raw).flatMap(([k, v]) => (text(v) === undefined ? [] : [[k, text(v) as string] as const])) : [];
      value = entries.length ? Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : undefined;
    } else if (field === 'dependencies') {
      const deps = (Array.isArray(raw) ? raw : []).filter(isRecord).map(dependency);
      value = deps.length ? deps : undefined;
    } else value = text(raw);
    if (value !== undefined) out[field] = value;
  }
  return Buffer.from(JSON.stringify(out));
}
