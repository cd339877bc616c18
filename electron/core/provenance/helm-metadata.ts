/**
 * The Chart.yaml text Helm puts in a provenance file: `helm package --sign` loads the chart and
 * marshals its Metadata struct (sigs.k8s.io/yaml over go-yaml), so only Helm's known fields appear,
 * empty ones are left out, keys are sorted, lists sit at the key's indent and long text folds at 80.
 */
import { Document, parse, stringify } from 'yaml';
import { ChartDeskError } from '../errors';
import { compareGoYamlKeys } from './go-yaml-order';
import { foldLikeGoYaml, quoteLikeGoYaml } from './go-yaml-style';

type Value = string | boolean | string[] | Record<string, unknown> | Array<Record<string, unknown>> | unknown[];

const STRING_FIELDS = ['name', 'home', 'version', 'description', 'icon', 'apiVersion', 'condition', 'tags', 'appVersion', 'kubeVersion', 'type'] as const;
const LIST_FIELDS = ['sources', 'keywords'] as const;
const MAINTAINER_FIELDS = ['name', 'email', 'url'] as const;

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function strings(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const list = value.filter((v): v is string => typeof v === 'string');
  return list.length ? list : undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** One maintainer with Helm's fields; undefined when all are empty. */
function maintainer(value: unknown): Record<string, string> | undefined {
  const m = record(value);
  if (!m) return undefined;
  const out: Record<string, string> = {};
  for (const key of MAINTAINER_FIELDS) {
    const v = str(m[key]);
    if (v !== undefined) out[key] = v;
  }
  return Object.keys(out).length ? out : {};
}

/** One dependency as Helm's Dependency struct marshals it (name and repository always present). */
function dependency(value: unknown): Record<string, unknown> | undefined {
  const d = record(value);
  if (!d) return undefined;
  const out: Record<string, unknown> = { name: typeof d.name === 'string' ? d.name : '', repository: typeof d.repository === 'string' ? d.repository : '' };
  for (const key of ['version', 'condition', 'alias'] as const) {
    const v = str(d[key]);
    if (v !== undefined) out[key] = v;
  }
  const tags = strings(d.tags);
  if (tags) out.tags = tags;
  if (d.enabled === 'true') out.enabled = true;
  if (Array.isArray(d['import-values']) && d['import-values'].length) out['import-values'] = d['import-values'];
  return out;
}

/** Helm's Metadata fields of a parsed (failsafe) Chart.yaml. */
function metadataFields(doc: Record<string, unknown>): Record<string, Value> {
  const out: Record<string, Value> = {};
  for (const key of STRING_FIELDS) {
    const v = str(doc[key]);
    if (v !== undefined) out[key] = v;
  }
  for (const key of LIST_FIELDS) {
    const v = strings(doc[key]);
    if (v) out[key] = v;
  }
  if (!out.apiVersion) out.apiVersion = 'v1';
  if (doc.deprecated === 'true') out.deprecated = true;
  const maintainers = Array.isArray(doc.maintainers) ? doc.maintainers.map(maintainer).filter((m) => m !== undefined) : [];
  if (maintainers.length) out.maintainers = maintainers;
  const annotations = record(doc.annotations);
  if (annotations) {
    const kept = Object.fromEntries(Object.entries(annotations).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    if (Object.keys(kept).length) out.annotations = kept;
  }
  const dependencies = Array.isArray(doc.dependencies) ? doc.dependencies.map(dependency).filter((d) => d !== undefined) : [];
  if (dependencies.length) out.dependencies = dependencies;
  return out;
}

/** The metadata text `helm package --sign` writes for this Chart.yaml (ends with a newline). */
export function helmMetadataYaml(chartYaml: string): string {
  let doc: unknown;
  try {
    doc = parse(chartYaml.replace(/^\uFEFF/, ''), { schema: 'failsafe', maxAliasCount: 50, uniqueKeys: false });
  } catch {
    throw new ChartDeskError('chart-invalid', 'sign', "The chart's Chart.yaml is not valid YAML, so it cannot be signed.");
  }
  const fields = record(doc);
  if (!fields) throw new ChartDeskError('chart-invalid', 'sign', "The chart's Chart.yaml is not a mapping of fields.");
  const out = new Document(metadataFields(fields), { sortMapEntries: (a, b) => compareGoYamlKeys(String(a.key), String(b.key)), aliasDuplicateObjects: false });
  quoteLikeGoYaml(out);
  return foldLikeGoYaml(out.toString({ indentSeq: false, lineWidth: 0, singleQuote: true, blockQuote: 'literal' }));
}

/** The whole signed text: metadata, the `...` line and the files block (Helm's messageBlock). */
export function provenanceMessage(chartYaml: string, fileName: string, sha256Hex: string): string {
  const files = stringify({ files: { [fileName]: `sha256:${sha256Hex}` } }, { lineWidth: 0 });
  return `${helmMetadataYaml(chartYaml)}\n...\n${files}`;
}
