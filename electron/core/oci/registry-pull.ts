/** Downloads a chart's package from its registry: the chart layer by digest, verified, cached with the other packages. */
import type { ArchiveLimits } from '../charts/archive-limits';
import type { FetchedPackage, SourceProvenance } from '../charts/chart-source';
import { normalizeDigest, shortDigest } from '../charts/digest';
import type { PackageCache } from '../charts/package-cache';
import { ChartDeskError } from '../errors';
import { HELM_CHART_LAYER } from './media-types';
import type { RegistryApi } from './registry-api';
import type { RegistryReader, StoredVersion } from './registry-reader';

/** What a pull needs. */
export interface RegistryPullDeps {
  api: RegistryApi;
  reader: RegistryReader;
  packages: PackageCache;
  limits: ArchiveLimits;
}

/** The version as stored, or a sentence saying it is not a chart. */
export async function readChartVersion(deps: Pick<RegistryPullDeps, 'reader'>, repository: string, tag: string, reference: string): Promise<StoredVersion> {
  const stored = await deps.reader.read(repository, tag, reference);
  if ('notChart' in stored) {
    throw new ChartDeskError('chart-invalid', 'open-chart', `${reference} is not a Helm chart: its config is ${stored.mediaType.slice(0, 120)}.`, { hint: 'The repository holds another kind of artifact (an image, a signature…).' });
  }
  return stored;
}

/** The provenance layer of `repository:tag` (capped), or why there is none; the file name is the one Helm gives the pulled package. */
export async function pullProvenanceLayer(deps: Pick<RegistryPullDeps, 'api' | 'reader'>, repository: string, tag: string, reference: string, maxBytes: number): Promise<SourceProvenance> {
  const stored = await readChartVersion(deps, repository, tag, reference);
  const fileName = `${repository.split('/').pop() ?? repository}-${stored.version.version}.tgz`;
  const url = `${reference} (provenance layer)`;
  const layer = stored.provLayer;
  if (!layer) return { found: false, reason: 'missing', url, fileName };
  if (layer.size > maxBytes) return { found: false, reason: 'too-large', url, fileName };
  return { found: true, bytes: await deps.api.blob(repository, layer.digest, layer.size, maxBytes), url, fileName };
}

/** Pulls the chart layer of `repository:tag`; `expectedDigest` (from an index.yaml) must match the layer when given. */
export async function pullChartLayer(deps: RegistryPullDeps, repository: string, tag: string, reference: string, expectedDigest?: string): Promise<FetchedPackage & { stored: StoredVersion }> {
  const stored = await readChartVersion(deps, repository, tag, reference);
  const layer = stored.chartLayer;
  if (!layer) throw new ChartDeskError('chart-invalid', 'open-chart', `The manifest of ${reference} does not contain a layer with media type ${HELM_CHART_LAYER}.`);
  const hex = normalizeDigest(layer.digest);
  if (!hex) throw new ChartDeskError('chart-invalid', 'open-chart', `The chart layer of ${reference} is not addressed by a sha256 digest.`);
  const wanted = normalizeDigest(expectedDigest);
  if (wanted && wanted !== hex) {
    throw new ChartDeskError('digest-mismatch', 'verify', `${reference} does not match the index: the index says sha256 ${shortDigest(wanted)}, the registry’s chart layer is ${shortDigest(hex)}.`, {
      hint: 'The chart was pushed again since the index was written, or something altered it. Do not install it.',
    });
  }
  const cached = await deps.packages.get(hex);
  if (cached) return { bytes: cached, digest: hex, verified: true, fromCache: true, stored };
  const bytes = await deps.api.blob(repository, layer.digest, layer.size, deps.limits.maxCompressedBytes);
  await deps.packages.put(bytes);
  return { bytes, digest: hex, verified: true, fromCache: false, stored };
}
