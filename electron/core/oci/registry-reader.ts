/** Reads one chart version from a registry without downloading the chart: manifest (index resolved) and config, cached by digest. */
import type { ChartVersion } from '../index/query-types';
import { ChartDeskError } from '../errors';
import { chartVersionOfConfig, MAX_CONFIG_BYTES } from './chart-config';
import type { DigestCache } from './digest-cache';
import { chartEntryOfIndex, parseManifest, type Descriptor, type ParsedManifest } from './manifest';
import { HELM_CHART_LAYER, HELM_CONFIG, HELM_PROV_LAYER, LEGACY_CHART_LAYER } from './media-types';
import type { RegistryApi } from './registry-api';

/** A chart version as its registry stores it. */
export interface StoredVersion {
  version: ChartVersion;
  manifest: ParsedManifest;
  manifestDigest: string;
  manifestBytes: Buffer;
  chartLayer?: Descriptor;
  provLayer?: Descriptor;
}

/** Something stored under the tag that is not a Helm chart. */
export interface OtherArtifact {
  notChart: true;
  /** The config media type it has instead. */
  mediaType: string;
  manifestDigest: string;
}

/** Reads versions of the charts of one registry. */
export interface RegistryReader {
  /** The version under `tag` of repository `repository`; `reference` is how to name it (`oci://host/repo:tag`). */
  read(repository: string, tag: string, reference: string): Promise<StoredVersion | OtherArtifact>;
}

/** What the reader needs. */
export interface RegistryReaderDeps {
  api: RegistryApi;
  cache: DigestCache;
  /** Counts the bytes of manifests and configs read (for the summary). */
  onBytes?: (bytes: number) => void;
}

/** Creates the reader. */
export function createRegistryReader(deps: RegistryReaderDeps): RegistryReader {
  const manifestAt = async (repository: string, reference: string) => {
    if (reference.startsWith('sha256:')) {
      const cached = await deps.cache.get(reference);
      if (cached) return { bytes: cached, digest: reference, contentType: '' };
    }
    const fetched = await deps.api.manifest(repository, reference);
    deps.onBytes?.(fetched.bytes.length);
    await deps.cache.put(fetched.bytes);
    return fetched;
  };

  return {
    async read(repository, tag, reference) {
      let fetched = await manifestAt(repository, tag);
      let parsed = parseManifest(fetched.bytes, fetched.contentType, reference);
      if (parsed.kind === 'index') {
        const entry = chartEntryOfIndex(parsed);
        if (!entry) throw new ChartDeskError('http', 'manifest', `The index stored at ${reference} lists no manifests.`);
        fetched = await manifestAt(repository, entry.digest);
        parsed = parseManifest(fetched.bytes, entry.mediaType, reference);
        if (parsed.kind === 'index') throw new ChartDeskError('http', 'manifest', `The index stored at ${reference} points to another index; ChartDesk reads one level.`);
      }
      if (parsed.config.mediaType !== HELM_CONFIG) return { notChart: true, mediaType: parsed.config.mediaType, manifestDigest: fetched.digest };
      let config = await deps.cache.get(parsed.config.digest);
      if (!config) {
        config = await deps.api.blob(repository, parsed.config.digest, parsed.config.size, MAX_CONFIG_BYTES);
        deps.onBytes?.(config.length);
        await deps.cache.put(config);
      }
      const chartLayer = parsed.layers.find((l) => l.mediaType === HELM_CHART_LAYER) ?? parsed.layers.find((l) => l.mediaType === LEGACY_CHART_LAYER);
      const provLayer = parsed.layers.find((l) => l.mediaType === HELM_PROV_LAYER);
      const created = parsed.annotations['org.opencontainers.image.created'];
      const version = chartVersionOfConfig(config, {
        reference,
        tag,
        manifestDigest: fetched.digest,
        ...(created ? { created } : {}),
        ...(chartLayer ? { chartDigest: chartLayer.digest } : {}),
      });
      return {
        version,
        manifest: parsed,
        manifestDigest: fetched.digest,
        manifestBytes: fetched.bytes,
        ...(chartLayer ? { chartLayer } : {}),
        ...(provLayer ? { provLayer } : {}),
      };
    },
  };
}
