/** The result of checking a chart's provenance, as data with one sentence; the contract mirrors it. */
import { shortDigest } from '../charts/digest';

/** Every way a provenance check can end. */
export const PROVENANCE_STATUSES = [
  'verified',
  'unknown-key',
  'untrusted-key',
  'bad-signature',
  'expired-key',
  'revoked-key',
  'digest-mismatch',
  'wrong-chart',
  'no-provenance',
  'invalid-provenance',
] as const;

/** One of PROVENANCE_STATUSES. */
export type ProvenanceStatus = (typeof PROVENANCE_STATUSES)[number];

/** Who signed, from the keyring. */
export interface ProvenanceSigner {
  fingerprint: string;
  keyId: string;
  /** The key's primary user id (or its fingerprint when it has none). */
  userId: string;
  userIds: string[];
}

/** A provenance check's outcome. */
export interface ProvenanceOutcome {
  status: ProvenanceStatus;
  /** True only for 'verified'. */
  verified: boolean;
  /** One sentence that says what happened. */
  summary: string;
  /** What to do about it, when there is something to do. */
  hint?: string;
  signer?: ProvenanceSigner;
  /** The key id the signature names (upper-case hex), also when the key is unknown. */
  keyId?: string;
  /** When the signature was made, ms epoch. */
  signedAt?: number;
  /** The file name the signed files block gives the package. */
  fileName?: string;
  /** sha256 hex the publisher signed. */
  signedDigest?: string;
  /** sha256 hex of the package checked. */
  actualDigest?: string;
  /** name and version the signed Chart.yaml gives. */
  signedChart?: { name?: string; version?: string };
  /** Where the .prov came from (HTTP repos). */
  provenanceUrl?: string;
}

/** A fingerprint in gpg's groups of four: "5E61 5389 B53C A37F 0EE6  0BD3 843B BF98 1FC1 8762". */
export function formatFingerprint(hex: string): string {
  const groups = hex.toUpperCase().match(/.{1,4}/g) ?? [];
  if (groups.length !== 10) return groups.join(' ');
  return `${groups.slice(0, 5).join(' ')}  ${groups.slice(5).join(' ')}`;
}

/** "Helm Testing <helm-testing@helm.sh> (5E61 5389 …)". */
export function signerWords(signer: ProvenanceSigner): string {
  return `${signer.userId} (fingerprint ${formatFingerprint(signer.fingerprint)})`;
}

/** "sha256 c6841b3a…9bee7888". */
export function digestWords(hex: string): string {
  return `sha256 ${shortDigest(hex)}`;
}

/** The hint for a signature by a key that is not in the keyring. */
export function importHint(keyId: string): string {
  return `If you trust the publisher, get their public key (from their website or docs; check its fingerprint ends in ${keyId}) and import it: Keyring → Import public keys…, or chartdesk keys import FILE.`;
}
