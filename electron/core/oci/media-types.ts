/** The media types ChartDesk reads and writes in OCI registries, as Helm's pkg/registry names them. */

/** The config of a Helm chart manifest: Chart.yaml as JSON. */
export const HELM_CONFIG = 'application/vnd.cncf.helm.config.v1+json';
/** The chart package (.tgz). */
export const HELM_CHART_LAYER = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip';
/** The provenance file (.prov). */
export const HELM_PROV_LAYER = 'application/vnd.cncf.helm.chart.provenance.v1.prov';
/** The chart layer type of early Helm 3 pushes, which Helm still pulls (with a warning). */
export const LEGACY_CHART_LAYER = 'application/tar+gzip';

/** An OCI image manifest (what Helm writes). */
export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
/** An OCI image index. */
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
/** Docker's schema 2 manifest. */
export const DOCKER_MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
/** Docker's manifest list. */
export const DOCKER_MANIFEST_LIST = 'application/vnd.docker.distribution.manifest.list.v2+json';

/** The Accept header for manifests: every type ChartDesk can read. */
export const MANIFEST_ACCEPT = [OCI_MANIFEST, OCI_INDEX, DOCKER_MANIFEST, DOCKER_MANIFEST_LIST].join(', ');

/** What Helm makes of a layer of a chart manifest. */
export function layerRole(mediaType: string): 'chart' | 'legacy-chart' | 'provenance' | 'other' {
  if (mediaType === HELM_CHART_LAYER) return 'chart';
  if (mediaType === LEGACY_CHART_LAYER) return 'legacy-chart';
  if (mediaType === HELM_PROV_LAYER) return 'provenance';
  return 'other';
}
