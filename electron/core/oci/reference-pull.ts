/** Pulls a chart an index lists at an `oci://` URL: through the stored OCI repo that covers it (its credentials), else anonymously. */
import type { FlowClient } from '../auth/types';
import type { ArchiveLimits } from '../charts/archive-limits';
import type { ChartSource, FetchedPackage, LocatedVersion, SourceProvenance } from '../charts/chart-source';
import type { PackageCache } from '../charts/package-cache';
import type { DigestCache } from './digest-cache';
import { parseOciChartReference, repositoryOf, tagOfVersion } from './oci-location';
import { anonymousRegistryAccess } from './registry-access';
import { createRegistryApi, type RegistryApi } from './registry-api';
import { pullChartLayer, pullProvenanceLayer } from './registry-pull';
import { MAX_PROV_BYTES } from '../provenance/limits';
import { createRegistryReader } from './registry-reader';

/** What the puller needs. */
export interface ReferencePullDeps {
  flow: FlowClient;
  digests: DigestCache;
  packages: PackageCache;
  limits: ArchiveLimits;
  /** The source of the stored OCI repo whose location covers a reference, if any. */
  sourceFor?: (reference: string) => Promise<ChartSource | undefined>;
}

/** Pulls what an index lists at oci:// URLs. */
export interface ReferencePuller {
  pull(located: LocatedVersion): Promise<FetchedPackage>;
  provenance(located: LocatedVersion): Promise<SourceProvenance>;
}

/** Creates the puller used by HTTP repos for their oci:// entries. */
export function createReferencePuller(deps: ReferencePullDeps): ReferencePuller {
  const apis = new Map<string, RegistryApi>();
  const anonymous = (located: LocatedVersion) => {
    const ref = parseOciChartReference(located.url);
    let api = apis.get(ref.host);
    if (!api) {
      api = createRegistryApi(deps.flow, anonymousRegistryAccess(ref.host));
      apis.set(ref.host, api);
    }
    const reader = createRegistryReader({ api, cache: deps.digests });
    return { api, reader, repository: repositoryOf(ref, ref.chart), tag: ref.digest ?? ref.tag ?? tagOfVersion(located.version) };
  };
  return {
    async pull(located) {
      const stored = await deps.sourceFor?.(located.url);
      if (stored) return stored.fetchPackage(located);
      const { api, reader, repository, tag } = anonymous(located);
      const { stored: _stored, ...pkg } = await pullChartLayer({ api, reader, packages: deps.packages, limits: deps.limits }, repository, tag, located.url, located.digest);
      return pkg;
    },
    async provenance(located) {
      const stored = await deps.sourceFor?.(located.url);
      if (stored) return stored.fetchProvenance(located);
      const { api, reader, repository, tag } = anonymous(located);
      return pullProvenanceLayer({ api, reader }, repository, tag, located.url, MAX_PROV_BYTES);
    },
  };
}
