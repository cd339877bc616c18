/** Plain facts about an OpenPGP key for lists and sentences: fingerprint, user ids, dates, revocation. */
import type * as openpgp from 'openpgp';

/** What ChartDesk shows about a key. */
export interface KeyFacts {
  /** Upper-case hex, as gpg prints it. */
  fingerprint: string;
  /** The last 16 hex digits of the fingerprint (v4 keys). */
  keyId: string;
  /** The primary user id first. */
  userIds: string[];
  /** ms epoch. */
  createdAt: number;
  /** ms epoch; undefined when the key never expires. */
  expiresAt?: number;
  revoked: boolean;
  /** e.g. "RSA 2048", "Ed25519". */
  algorithm: string;
}

/** "RSA 2048", "Ed25519", "ECDSA P-256"… from openpgp.js's algorithm info. */
export function algorithmWords(info: { algorithm: string; bits?: number; curve?: string }): string {
  if (info.algorithm.startsWith('rsa')) return `RSA ${info.bits ?? ''}`.trim();
  if (info.algorithm === 'eddsaLegacy' || info.algorithm === 'ed25519') return 'Ed25519';
  if (info.algorithm === 'ed448') return 'Ed448';
  if (info.algorithm === 'ecdsa') return `ECDSA ${info.curve ?? ''}`.trim();
  if (info.algorithm === 'dsa') return `DSA ${info.bits ?? ''}`.trim();
  return info.algorithm;
}

/** Upper-case hex of a key's fingerprint. */
export function fingerprintOf(key: openpgp.Key): string {
  return key.getFingerprint().toUpperCase();
}

/** The key's user ids, primary first (invalid self-signatures do not hide a user id from the list). */
async function userIdsOf(key: openpgp.Key): Promise<string[]> {
  const all = key.getUserIDs();
  try {
    const primary = (await key.getPrimaryUser()).user.userID?.userID;
    if (primary) return [primary, ...all.filter((id) => id !== primary)];
  } catch {
    // no valid primary user (e.g. revoked or expired): keep the list as written
  }
  return all;
}

/** Facts about `key` as of `now`. */
export async function keyFacts(key: openpgp.Key, now = new Date()): Promise<KeyFacts> {
  const fingerprint = fingerprintOf(key);
  let expiresAt: number | undefined;
  try {
    const expiry = await key.getExpirationTime();
    if (expiry instanceof Date) expiresAt = expiry.getTime();
    // A key whose self-signature cannot be checked reports null: treat it as never valid.
    else if (expiry === null) expiresAt = key.getCreationTime().getTime();
  } catch {
    expiresAt = key.getCreationTime().getTime();
  }
  const revoked = await key.isRevoked(undefined, undefined, now).catch(() => false);
  return {
    fingerprint,
    keyId: key.getKeyID().toHex().toUpperCase(),
    userIds: await userIdsOf(key),
    createdAt: key.getCreationTime().getTime(),
    ...(expiresAt !== undefined ? { expiresAt } : {}),
    revoked,
    algorithm: algorithmWords(key.getAlgorithmInfo()),
  };
}

/** The first user id, or the fingerprint when a key has none. */
export function displayName(facts: Pick<KeyFacts, 'userIds' | 'fingerprint'>): string {
  return facts.userIds[0] ?? facts.fingerprint;
}
