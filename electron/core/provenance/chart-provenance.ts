/** Verifies a chart version of an HTTP repo: its package (cached, index-checked) and `<package url>.prov`, against the keyring and the repo's pins. */
import type * as openpgp from 'openpgp';
import type { FlowClient } from '../auth/types';
import type { LocatedVersion, ChartVersions } from '../charts/chart-versions';
import type { RepoAccess } from '../charts/index-sessions';
import type { FetchedPackage, PackageFetcher } from '../charts/package-fetch';
import { redactUrl } from '../http/redact';
import { MAX_PROV_BYTES, sizeWords } from './limits';
import type { ProvenanceOutcome } from './outcome';
import { fetchProvenance, packageFileName } from './prov-fetch';
import { verifyProvenance } from './verify';

/** What the check needs; the app and the CLI pass their own chart services. */
export interface ChartProvenanceDeps {
  flow: FlowClient;
  versions: Pick<ChartVersions, 'locate'>;
  packages: PackageFetcher;
  repos: RepoAccess;
  /** The keyring's keys (or a --keyring file's). */
  keys: () => Promise<openpgp.PublicKey[]>;
  /** The repo's pinned fingerprints. */
  pins: (repoId: string) => Promise<string[]>;
  now?: () => Date;
}

/** A check's outcome with what it downloaded (the CLI saves both files). */
export interface ChartProvenanceCheck {
  outcome: ProvenanceOutcome;
  located: LocatedVersion;
  pkg: FetchedPackage;
  /** The .prov's bytes, when the repo publishes one. */
  provenance?: Buffer;
}

/** Downloads and verifies; a repo without a .prov gives 'no-provenance', never an error. */
export async function checkChartProvenance(deps: ChartProvenanceDeps, repoId: string, name: string, version?: string): Promise<ChartProvenanceCheck> {
  const located = await deps.versions.locate(repoId, name, version);
  const label = `${located.name} ${located.version}`;
  const credentials = () => deps.repos.credentials(repoId);
  const pkg = await deps.packages.fetch({ repo: located.repo, credentials, url: located.url, label, ...(located.digest ? { digest: located.digest } : {}) });
  const fetched = await fetchProvenance(deps.flow, { repo: located.repo, credentials, packageUrl: located.url, label });
  const provenanceUrl = redactUrl(fetched.url);
  if (!fetched.found) {
    const outcome: ProvenanceOutcome =
      fetched.reason === 'missing'
        ? { status: 'no-provenance', verified: false, summary: `The repo publishes no provenance (.prov) for ${label}, so who made it cannot be checked.`, provenanceUrl, actualDigest: pkg.digest }
        : { status: 'invalid-provenance', verified: false, summary: `The provenance file of ${label} cannot be used: it is larger than ${sizeWords(MAX_PROV_BYTES)}, far more than a signed Chart.yaml needs.`, provenanceUrl, actualDigest: pkg.digest };
    return { outcome, located, pkg };
  }
  const [keys, pins] = await Promise.all([deps.keys(), deps.pins(repoId)]);
  const outcome = await verifyProvenance({
    packageBytes: pkg.bytes,
    provenance: fetched.bytes,
    chartName: located.name,
    chartVersion: located.version,
    fileName: packageFileName(located.url),
    keys,
    trustedFingerprints: pins,
    ...(deps.now ? { now: deps.now() } : {}),
  });
  return { outcome: { ...outcome, provenanceUrl }, located, pkg, provenance: fetched.bytes };
}
