import { describe, expect, it } from 'vitest';
import { PROVENANCE_STATUSES } from '../../../electron/core/provenance/outcome';
import { ProvenanceStatus } from '../../../electron/contract/provenance';
import { groupFingerprint, keyStateWords, statusWords } from '../../../renderer/src/features/provenance/provenance-words';

describe('provenance words in the UI', () => {
  it('has a title and tone for every status the core can return, and the contract lists the same statuses', () => {
    expect([...ProvenanceStatus.options].sort()).toEqual([...PROVENANCE_STATUSES].sort());
    for (const status of PROVENANCE_STATUSES) expect(statusWords(status).title.length).toBeGreaterThan(5);
    expect(statusWords('verified').tone).toBe('ok');
    expect(statusWords('no-provenance').tone).toBe('warn');
    for (const bad of ['bad-signature', 'digest-mismatch', 'expired-key', 'revoked-key', 'wrong-chart', 'untrusted-key'] as const) expect(statusWords(bad).tone).toBe('danger');
  });

  it('groups fingerprints as gpg prints them and says a key’s state in words', () => {
    expect(groupFingerprint('5e615389b53ca37f0ee60bd3843bbf981fc18762')).toBe('5E61 5389 B53C A37F 0EE6  0BD3 843B BF98 1FC1 8762');
    const now = Date.UTC(2026, 0, 1);
    expect(keyStateWords({ revoked: false, expiresAt: undefined }, now)).toEqual({ text: 'No expiry', bad: false });
    expect(keyStateWords({ revoked: false, expiresAt: Date.UTC(2020, 0, 8) }, now)).toEqual({ text: 'Expired 2020-01-08', bad: true });
    expect(keyStateWords({ revoked: false, expiresAt: Date.UTC(2027, 5, 1) }, now)).toEqual({ text: 'Expires 2027-06-01', bad: false });
    expect(keyStateWords({ revoked: true, expiresAt: Date.UTC(2027, 5, 1) }, now)).toEqual({ text: 'Revoked', bad: true });
  });
});
