/**
 * Pushes a chart into a registry by raw HTTP in exactly the layout `helm push` (Helm 3.8+/4) writes:
 * chart layer + config blob (Chart.yaml as JSON in chart.Metadata order), an OCI manifest without a
 * top-level mediaType, layers sorted by digest, Helm's annotations, the version as the tag (`+` → `_`).
 * Written independently of ChartDesk's own push, so tests check ChartDesk's reader against it.
 */
import { createHash } from 'node:crypto';
import { readChartPackage } from './chart-package';

/** Gives the Authorization header for a scope, or undefined for none. */
export type AuthHeader = (scope: string) => Promise<string | undefined>;

const sha = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

async function ok(res: Response, status: number, what: string): Promise<Response> {
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${await res.text()}`);
  return res;
}

async function uploadBlob(registry: string, repository: string, bytes: Buffer, auth: string | undefined): Promise<string> {
  const digest = sha(bytes);
  const headers: Record<string, string> = auth ? { Authorization: auth } : {};
  const start = await ok(await fetch(`${registry}/v2/${repository}/blobs/uploads/`, { method: 'POST', headers }), 202, 'start upload');
  const location = new URL(start.headers.get('location') ?? '', registry);
  location.searchParams.set('digest', digest);
  await ok(await fetch(location, { method: 'PUT', headers: { ...headers, 'Content-Type': 'application/octet-stream' }, body: new Uint8Array(bytes) }), 201, 'finish upload');
  return digest;
}

/** Helm's manifest annotations from the chart metadata. */
function annotations(meta: Record<string, unknown>, created: string): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (key: string, value: unknown) => {
    if (typeof value === 'string' && value.trim()) out[key] = value;
  };
  put('org.opencontainers.image.description', meta.description);
  put('org.opencontainers.image.title', meta.name);
  put('org.opencontainers.image.version', meta.version);
  put('org.opencontainers.image.url', meta.home);
  put('org.opencontainers.image.created', created);
  if (Array.isArray(meta.sources) && meta.sources.length) put('org.opencontainers.image.source', meta.sources[0]);
  if (Array.isArray(meta.maintainers) && meta.maintainers.length) {
    put('org.opencontainers.image.authors', (meta.maintainers as Array<{ name?: string; email?: string }>).map((m) => `${m.name ?? ''}${m.email ? ` (${m.email})` : ''}`).join(', '));
  }
  for (const [k, v] of Object.entries((meta.annotations as Record<string, string> | undefined) ?? {})) {
    if (k !== 'org.opencontainers.image.version' && k !== 'org.opencontainers.image.title') out[k] = v;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** What a Helm-layout push stored. */
export interface HelmPushed {
  repository: string;
  tag: string;
  manifestDigest: string;
  chartDigest: string;
  configDigest: string;
}

/** Pushes `tgz` (and an optional .prov) to `<namespace>/<chart name>` as Helm does. */
export async function helmPush(registry: string, namespace: string, tgz: Buffer, auth: AuthHeader = async () => undefined, prov?: Buffer, created = '2024-01-01T00:00:00Z'): Promise<HelmPushed> {
  const chart = readChartPackage(tgz);
  const repository = namespace ? `${namespace}/${chart.name}` : chart.name;
  const header = await auth(`repository:${repository}:pull,push`);
  const config = Buffer.from(JSON.stringify(chart.metadata));
  const layers = [{ mediaType: 'application/vnd.cncf.helm.chart.content.v1.tar+gzip', digest: await uploadBlob(registry, repository, tgz, header), size: tgz.length }];
  if (prov) layers.push({ mediaType: 'application/vnd.cncf.helm.chart.provenance.v1.prov', digest: await uploadBlob(registry, repository, prov, header), size: prov.length });
  layers.sort((a, b) => (a.digest < b.digest ? -1 : 1));
  const configDigest = await uploadBlob(registry, repository, config, header);
  const manifest = Buffer.from(
    JSON.stringify({ schemaVersion: 2, config: { mediaType: 'application/vnd.cncf.helm.config.v1+json', digest: configDigest, size: config.length }, layers, annotations: annotations(chart.metadata, created) }),
  );
  const tag = chart.version.replaceAll('+', '_');
  await ok(
    await fetch(`${registry}/v2/${repository}/manifests/${tag}`, { method: 'PUT', headers: { ...(header ? { Authorization: header } : {}), 'Content-Type': 'application/vnd.oci.image.manifest.v1+json' }, body: new Uint8Array(manifest) }),
    201,
    'put manifest',
  );
  return { repository, tag, manifestDigest: sha(manifest), chartDigest: sha(tgz), configDigest };
}
