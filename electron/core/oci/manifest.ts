/** Reads OCI and Docker manifests (and indexes) into what ChartDesk needs: the config and layer descriptors. */
import { z } from 'zod';
import { ChartDeskError } from '../errors';
import { DOCKER_MANIFEST, DOCKER_MANIFEST_LIST, HELM_CONFIG, OCI_INDEX, OCI_MANIFEST } from './media-types';

const Descriptor = z.object({
  mediaType: z.string().max(256),
  digest: z.string().regex(/^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/).max(256),
  size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  annotations: z.record(z.string(), z.string()).optional(),
  artifactType: z.string().max(256).optional(),
});

/** One content descriptor. */
export type Descriptor = z.output<typeof Descriptor>;

const ImageManifest = z.object({
  schemaVersion: z.literal(2),
  mediaType: z.string().optional(),
  artifactType: z.string().optional(),
  config: Descriptor,
  layers: z.array(Descriptor).max(10_000),
  annotations: z.record(z.string(), z.string()).optional(),
});

const ImageIndex = z.object({
  schemaVersion: z.literal(2),
  mediaType: z.string().optional(),
  manifests: z.array(Descriptor).max(10_000),
  annotations: z.record(z.string(), z.string()).optional(),
});

/** An image manifest: config and layers. */
export interface ParsedManifest {
  kind: 'manifest';
  mediaType: string;
  config: Descriptor;
  layers: Descriptor[];
  annotations: Record<string, string>;
}

/** An index (or Docker manifest list): the manifests it points to. */
export interface ParsedIndex {
  kind: 'index';
  mediaType: string;
  manifests: Descriptor[];
}

function unreadable(what: string, detail: string): ChartDeskError {
  return new ChartDeskError('http', 'manifest', `The manifest of ${what} cannot be read: ${detail}.`, { hint: 'The registry holds something ChartDesk does not understand there.' });
}

/** Parses manifest bytes; `contentType` is the registry's Content-Type (the body's mediaType wins when both exist). */
export function parseManifest(bytes: Buffer, contentType: string, what: string): ParsedManifest | ParsedIndex {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw unreadable(what, 'it is not JSON');
  }
  const declared = json && typeof json === 'object' && typeof (json as { mediaType?: unknown }).mediaType === 'string' ? ((json as { mediaType: string }).mediaType) : contentType;
  const isIndex = declared === OCI_INDEX || declared === DOCKER_MANIFEST_LIST || (json !== null && typeof json === 'object' && 'manifests' in json && !('config' in json));
  if (isIndex) {
    const parsed = ImageIndex.safeParse(json);
    if (!parsed.success) throw unreadable(what, `its index does not have the expected fields (${parsed.error.issues[0]?.path.join('.') ?? ''})`);
    return { kind: 'index', mediaType: declared || OCI_INDEX, manifests: parsed.data.manifests };
  }
  if ((json as { schemaVersion?: unknown } | null)?.schemaVersion === 1) throw unreadable(what, 'it is a Docker schema 1 manifest, which holds no Helm chart');
  const parsed = ImageManifest.safeParse(json);
  if (!parsed.success) throw unreadable(what, `it does not have the expected fields (${parsed.error.issues[0]?.path.join('.') ?? ''})`);
  const mediaType = declared === DOCKER_MANIFEST ? DOCKER_MANIFEST : declared || OCI_MANIFEST;
  return { kind: 'manifest', mediaType, config: parsed.data.config, layers: parsed.data.layers, annotations: parsed.data.annotations ?? {} };
}

/** The entry of an index that is a Helm chart (by artifact type or config media type annotation), else its first entry. */
export function chartEntryOfIndex(index: ParsedIndex): Descriptor | undefined {
  return index.manifests.find((m) => m.artifactType === HELM_CONFIG) ?? index.manifests[0];
}
