/**
 * Pushes a chart package as `helm push` does: chart layer, config (Chart.yaml as JSON) and an
 * optional provenance layer as blobs (skipped when the registry has them), then the manifest with
 * Helm's media types and annotations under the version's tag (`+` as `_`).
 */
import type { ChartArchiveContent } from '../charts/chart-archive';
import { sha256Hex } from '../charts/digest';
import { ChartDeskError } from '../errors';
import { helmConfigJson } from './chart-config';
import { helmAnnotations, helmManifestBytes, rfc3339Utc } from './helm-manifest';
import type { Descriptor } from './manifest';
import { HELM_CHART_LAYER, HELM_CONFIG, HELM_PROV_LAYER, OCI_MANIFEST } from './media-types';
import { tagOfVersion } from './oci-location';
import type { RegistryApi } from './registry-api';

/** What a push stored. */
export interface RegistryPushResult {
  tag: string;
  manifestDigest: string;
  /** False when the tag already pointed somewhere and force moved it. */
  created: boolean;
}

/** What a push needs. */
export interface RegistryPushRequest {
  api: RegistryApi;
  repository: string;
  bytes: Buffer;
  archive: ChartArchiveContent;
  prov?: Buffer;
  force: boolean;
  now: number;
  /** Blobs larger than this go up in chunks (default 8 MiB). */
  chunkBytes?: number;
}

function descriptor(mediaType: string, bytes: Buffer): Descriptor {
  return { mediaType, digest: `sha256:${sha256Hex(bytes)}`, size: bytes.length };
}

/** Uploads a blob unless the repository already has it. */
async function ensureBlob(request: RegistryPushRequest, bytes: Buffer): Promise<void> {
  if (await request.api.hasBlob(request.repository, `sha256:${sha256Hex(bytes)}`)) return;
  await request.api.upload(request.repository, bytes, request.chunkBytes ?? 8 * 1024 * 1024);
}

/** Pushes one chart; 'conflict' when the tag exists and `force` is false. */
export async function pushToRegistry(request: RegistryPushRequest): Promise<RegistryPushResult> {
  const { metadata } = request.archive;
  const tag = tagOfVersion(metadata.version);
  const existing = await request.api.resolve(request.repository, tag, 'push');
  if (existing && !request.force) {
    throw new ChartDeskError('conflict', 'push', `Version ${metadata.version} of chart ${metadata.name} is already in the registry (tag ${tag}).`, {
      hint: 'Bump the chart version, or push again with force to move the tag to the new package.',
    });
  }
  const config = helmConfigJson(request.archive.chartYaml);
  const layers = [descriptor(HELM_CHART_LAYER, request.bytes)];
  if (request.prov) layers.push(descriptor(HELM_PROV_LAYER, request.prov));
  await ensureBlob(request, request.bytes);
  if (request.prov) await ensureBlob(request, request.prov);
  await ensureBlob(request, config);
  const manifest = helmManifestBytes(descriptor(HELM_CONFIG, config), layers, helmAnnotations(config, rfc3339Utc(request.now)));
  const manifestDigest = await request.api.putManifest(request.repository, tag, manifest, OCI_MANIFEST);
  return { tag, manifestDigest, created: existing === undefined };
}
