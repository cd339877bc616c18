/** The provenance services of one data folder: keyring, repo pins, signing keys, chart checks and signing. */
import type { ArchiveLimits } from '../charts/archive-limits';
import { readChartArchive } from '../charts/chart-archive';
import type { ChartsCore } from '../charts/charts-core';
import type { SecretVault } from '../secrets/vault';
import { checkChartProvenance, type ChartProvenanceCheck } from './chart-provenance';
import { keyFacts } from './key-info';
import { createKeyring, type KeyImport, type Keyring } from './keyring';
import type { ProvenanceOutcome, ProvenanceSigner } from './outcome';
import { verifyProvenance } from './verify';
import { createRepoTrust, type RepoTrust } from './repo-trust';
import { signProvenance } from './sign';
import { createSigningKeys, type SigningKeyEntry, type SigningKeys } from './signing-keys';

/** A signed package: the .prov text and who signed it. */
export interface SignedPackage {
  provenance: string;
  signer: ProvenanceSigner;
  /** The name the files block gives the package (`<name>-<version>.tgz`). */
  fileName: string;
}

/** What verifyPackage checks. */
export interface PackageToVerify {
  packageBytes: Uint8Array;
  provenance: Uint8Array | string;
  chartName: string;
  chartVersion: string;
  /** The package's file name, when it has one (`<name>-<version>.tgz` is accepted too). */
  fileName?: string;
}

/** Options of signPackage. */
export interface SignOptions {
  passphrase?: string;
  /** Keep a passphrase that worked in the vault (the user chose so). */
  keepPassphrase?: boolean;
}

/** Everything provenance the handlers and the CLI use. */
export interface ProvenanceCore {
  keyring: Keyring;
  trust: RepoTrust;
  signing: SigningKeys;
  /** Imports a secret key into the vault and its public key into the keyring (so what it signs verifies here). */
  importSigningKey(bytes: Uint8Array, what: string, passphrase?: string): Promise<{ keys: SigningKeyEntry[]; keyring: KeyImport }>;
  /** Checks a chart version of any repo against its provenance (`<package url>.prov`, or a registry's provenance layer). */
  checkChartVersion(repoId: string, name: string, version?: string): Promise<ChartProvenanceCheck>;
  /**
   * Verifies package bytes against .prov bytes with the keyring and `repoId`'s pins, no network: the
   * seam for other transports (an OCI provenance layer). The result is the contract's ProvenanceResult.
   */
  verifyPackage(repoId: string | undefined, input: PackageToVerify): Promise<ProvenanceOutcome & { pinned: string[] }>;
  /** The .prov for a package, signed with the signing key `fingerprint` (`helm package --sign`). */
  signPackage(fingerprint: string, packageBytes: Buffer, options?: SignOptions): Promise<SignedPackage>;
}

/** What the services need. */
export interface ProvenanceCoreDeps {
  dataDir: string;
  vault: SecretVault;
  notify: (level: 'info' | 'warning', message: string) => void;
  charts: Pick<ChartsCore, 'sources'>;
  limits: ArchiveLimits;
  now?: () => number;
}

/** Creates the services; nothing is read until used. */
export function createProvenanceCore(deps: ProvenanceCoreDeps): ProvenanceCore {
  const now = deps.now ?? Date.now;
  const keyring = createKeyring({ dataDir: deps.dataDir, notify: deps.notify, now });
  const trust = createRepoTrust({ dataDir: deps.dataDir, notify: deps.notify });
  const signing = createSigningKeys({ dataDir: deps.dataDir, vault: deps.vault, notify: deps.notify, now });
  return {
    keyring,
    trust,
    signing,
    async importSigningKey(bytes, what, passphrase) {
      const { keys, publicKeys } = await signing.import(bytes, what, passphrase);
      return { keys, keyring: await keyring.add(publicKeys) };
    },
    checkChartVersion: (repoId, name, version) =>
      deps.charts.sources.forRepo(repoId).then((source) => checkChartProvenance({ source, keys: () => keyring.publicKeys(), pins: (id) => trust.get(id), now: () => new Date(now()) }, name, version)),
    async verifyPackage(repoId, input) {
      const [keys, pinned] = await Promise.all([keyring.publicKeys(), repoId === undefined ? Promise.resolve([]) : trust.get(repoId)]);
      const outcome = await verifyProvenance({ ...input, keys, trustedFingerprints: pinned, now: new Date(now()) });
      return { ...outcome, pinned };
    },
    async signPackage(fingerprint, packageBytes, options = {}) {
      const archive = await readChartArchive(packageBytes, deps.limits);
      const key = await signing.unlock(fingerprint, options.passphrase, options.keepPassphrase === true);
      const fileName = `${archive.metadata.name}-${archive.metadata.version}.tgz`;
      const provenance = await signProvenance({ packageBytes, chartYaml: archive.chartYaml, fileName, signingKey: key, date: new Date(now()) });
      const facts = await keyFacts(key.toPublic(), new Date(now()));
      return { provenance, fileName, signer: { fingerprint: facts.fingerprint, keyId: facts.keyId, userId: facts.userIds[0] ?? facts.fingerprint, userIds: facts.userIds } };
    },
  };
}
