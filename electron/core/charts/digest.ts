/** sha256 digests of chart packages: compute, normalize, shorten and compare. */
import { createHash } from 'node:crypto';
import { ChartDeskError } from '../errors';

/** Hex sha256 of the bytes. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Lower-case hex of an index digest ("sha256:ABC…" and bare hex both accepted); undefined if it is not one. */
export function normalizeDigest(digest: string | undefined): string | undefined {
  if (!digest) return undefined;
  const hex = digest.trim().replace(/^sha256:/i, '').toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : undefined;
}

/** A digest short enough for a sentence: the first and last 8 hex digits. */
export function shortDigest(hex: string): string {
  return hex.length <= 20 ? hex : `${hex.slice(0, 8)}…${hex.slice(-8)}`;
}

/** Throws 'digest-mismatch' when `bytes` do not hash to `expectedHex`. Returns the actual digest. */
export function verifyDigest(bytes: Uint8Array, expectedHex: string, what: string): string {
  const actual = sha256Hex(bytes);
  if (actual !== expectedHex) {
    throw new ChartDeskError(
      'digest-mismatch',
      'verify',
      `${what} does not match the index: the index says sha256 ${shortDigest(expectedHex)}, the download is ${shortDigest(actual)}.`,
      { hint: 'The package changed since the index was written, or something altered it on the way. Do not install it.' },
    );
  }
  return actual;
}
