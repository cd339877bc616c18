/** The manifest Helm pushes for a chart: config + layers sorted by digest + Helm's OCI annotations, marshalled as Go does. */
import type { Descriptor } from './manifest';

/** The annotation keys Helm sets from Chart.yaml (OCI's predefined ones). */
const OCI = {
  description: 'org.opencontainers.image.description',
  title: 'org.opencontainers.image.title',
  version: 'org.opencontainers.image.version',
  url: 'org.opencontainers.image.url',
  created: 'org.opencontainers.image.created',
  source: 'org.opencontainers.image.source',
  authors: 'org.opencontainers.image.authors',
} as const;

/** The fields of the config JSON the annotations come from. */
interface ConfigFields {
  name?: string;
  version?: string;
  description?: string;
  home?: string;
  sources?: string[];
  maintainers?: Array<{ name?: string; email?: string }>;
  annotations?: Record<string, string>;
}

/** Go's time.RFC3339 in UTC: `2006-01-02T15:04:05Z`. */
export function rfc3339Utc(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Helm's manifest annotations for a chart (generateOCIAnnotations): chart facts first, then its own annotations except title and version. */
export function helmAnnotations(configJson: Buffer, created: string): Record<string, string> {
  const config = JSON.parse(configJson.toString('utf8')) as ConfigFields;
  const out: Record<string, string> = {};
  const add = (key: string, value: string | undefined) => {
    if (value !== undefined && value.trim() !== '') out[key] = value;
  };
  add(OCI.description, config.description);
  add(OCI.title, config.name);
  add(OCI.version, config.version);
  add(OCI.url, config.home);
  add(OCI.created, created);
  add(OCI.source, config.sources?.[0]);
  if (config.maintainers?.length) {
    add(OCI.authors, config.maintainers.map((m) => `${m.name ?? ''}${m.email ? ` (${m.email})` : ''}`).join(', '));
  }
  for (const [key, value] of Object.entries(config.annotations ?? {})) {
    if (key !== OCI.version && key !== OCI.title) out[key] = value;
  }
  return out;
}

function descriptorJson(d: Descriptor): Record<string, unknown> {
  return { mediaType: d.mediaType, digest: d.digest, size: d.size, ...(d.annotations && Object.keys(d.annotations).length ? { annotations: sortedKeys(d.annotations) } : {}) };
}

function sortedKeys(map: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(map).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The manifest bytes: `{"schemaVersion":2,"config":…,"layers":[…],"annotations":{…}}`, layers by digest, keys sorted. */
export function helmManifestBytes(config: Descriptor, layers: readonly Descriptor[], annotations: Record<string, string>): Buffer {
  const sorted = [...layers].sort((a, b) => (a.digest < b.digest ? -1 : a.digest > b.digest ? 1 : 0));
  const manifest: Record<string, unknown> = { schemaVersion: 2, config: descriptorJson(config), layers: sorted.map(descriptorJson) };
  if (Object.keys(annotations).length) manifest.annotations = sortedKeys(annotations);
  return Buffer.from(JSON.stringify(manifest));
}
