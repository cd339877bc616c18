/** Tables for `chartdesk keys list`: the keyring and the signing keys, never a secret. */
import { formatFingerprint } from '../../core/provenance/outcome';

/** A key row's facts (keyring and signing keys alike). */
interface KeyRow {
  fingerprint: string;
  userIds: string[];
  createdAt: number;
  expiresAt?: number;
  revoked: boolean;
  algorithm: string;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** "expires 2027-01-01", "EXPIRED 2020-01-08", "REVOKED", "no expiry". */
export function keyState(key: KeyRow, now = Date.now()): string {
  if (key.revoked) return 'REVOKED';
  if (key.expiresAt === undefined) return 'no expiry';
  return key.expiresAt <= now ? `EXPIRED ${day(key.expiresAt)}` : `expires ${day(key.expiresAt)}`;
}

/** One block per key: fingerprint and facts, then each user id. */
export function formatKeys(keys: readonly KeyRow[], extra: (key: KeyRow) => string = () => ''): string {
  return keys
    .map((k) => [`${formatFingerprint(k.fingerprint)}  ${k.algorithm}, created ${day(k.createdAt)}, ${keyState(k)}${extra(k)}`, ...k.userIds.map((id) => `    ${id}`)].join('\n'))
    .join('\n')
    .concat(keys.length ? '\n' : '');
}
