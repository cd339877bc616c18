/** Verifies a chart version of any repo: its package (cached, digest-checked) and its provenance (`<package url>.prov`, or a registry's provenance layer), against the keyring and the repo's pins. */
import type * as openpgp from 'openpgp';
import type { ChartSource, FetchedPackage, LocatedVersion } from '../charts/chart-source';
import { redactUrl } from '../http/redact';
import { MAX_PROV_BYTES, sizeWords } from './limits';
import type { ProvenanceOutcome } from './outcome';
import { verifyProvenance } from './verify';

/** What the check needs; the app and the CLI pass the repo's chart source. */
export interface ChartProvenanceDeps {
  source: ChartSource;
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

/** Downloads and verifies; a repo without provenance gives 'no-provenance', never an error. */
export async function checkChartProvenance(deps: ChartProvenanceDeps, name: string, version?: string): Promise<ChartProvenanceCheck> {
  const located = await deps.source.locate(name, version);
  const label = `${located.name} ${located.version}`;
  const pkg = await deps.source.fetchPackage(located);
  const fetched = await deps.source.fetchProvenance(located);
  const provenanceUrl = /^https?:/i.test(fetched.url) ? redactUrl(fetched.url) : fetched.url;
  if (!fetched.found) {
    const outcome: ProvenanceOutcome =
      fetched.reason === 'missing'
        ? { status: 'no-provenance', verified: false, summary: `The repo publishes no provenance (.prov) for ${label}, so who made it cannot be checked.`, provenanceUrl, actualDigest: pkg.digest }
        : { status: 'invalid-provenance', verified: false, summary: `The provenance file of ${label} cannot be used: it is larger than ${sizeWords(MAX_PROV_BYTES)}, far more than a signed Chart.yaml needs.`, provenanceUrl, actualDigest: pkg.digest };
    return { outcome, located, pkg };
  }
  const [keys, pins] = await Promise.all([deps.keys(), deps.pins(deps.source.repo.id)]);
  const outcome = await verifyProvenance({
    packageBytes: pkg.bytes,
    provenance: fetched.bytes,
    chartName: located.name.split('/').pop() ?? located.name,
    chartVersion: located.version,
    fileName: fetched.fileName,
    keys,
    trustedFingerprints: pins,
    ...(deps.now ? { now: deps.now() } : {}),
  });
  return { outcome: { ...outcome, provenanceUrl }, located, pkg, provenance: fetched.bytes };
}
