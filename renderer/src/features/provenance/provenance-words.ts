/** Words for provenance outcomes and keys: a title per status, fingerprints in gpg's groups, key states. */
import type { KeyInfo, ProvenanceResult } from './types';

/** The badge's tone: ok, warn (nothing to check, or a key to add) or danger (do not trust). */
export type Tone = 'ok' | 'warn' | 'danger';

const TITLES: Record<ProvenanceResult['status'], { title: string; tone: Tone }> = {
  verified: { title: 'Signed and verified', tone: 'ok' },
  'unknown-key': { title: 'Signed by an unknown key', tone: 'warn' },
  'untrusted-key': { title: 'Signed by a key this repo does not trust', tone: 'danger' },
  'bad-signature': { title: 'Bad signature', tone: 'danger' },
  'expired-key': { title: 'Signed by an expired key', tone: 'danger' },
  'revoked-key': { title: 'Signed by a revoked key', tone: 'danger' },
  'digest-mismatch': { title: 'Not the package that was signed', tone: 'danger' },
  'wrong-chart': { title: 'Provenance for another chart or version', tone: 'danger' },
  'no-provenance': { title: 'Not signed', tone: 'warn' },
  'invalid-provenance': { title: 'Unusable provenance file', tone: 'danger' },
};

/** The badge title and tone of a status. */
export function statusWords(status: ProvenanceResult['status']): { title: string; tone: Tone } {
  return TITLES[status];
}

/** "5E61 5389 B53C A37F 0EE6  0BD3 843B BF98 1FC1 8762". */
export function groupFingerprint(hex: string): string {
  const groups = hex.toUpperCase().match(/.{1,4}/g) ?? [];
  return groups.length === 10 ? `${groups.slice(0, 5).join(' ')}  ${groups.slice(5).join(' ')}` : groups.join(' ');
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** "No expiry", "Expires 2027-01-01", "Expired 2020-01-08", "Revoked". */
export function keyStateWords(key: Pick<KeyInfo, 'revoked' | 'expiresAt'>, now = Date.now()): { text: string; bad: boolean } {
  if (key.revoked) return { text: 'Revoked', bad: true };
  if (key.expiresAt === undefined) return { text: 'No expiry', bad: false };
  return key.expiresAt <= now ? { text: `Expired ${day(key.expiresAt)}`, bad: true } : { text: `Expires ${day(key.expiresAt)}`, bad: false };
}

/** "Created 2016-07-25". */
export function createdWords(ms: number): string {
  return `Created ${day(ms)}`;
}
