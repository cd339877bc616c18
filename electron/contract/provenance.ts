/** Contract schemas for chart provenance: the keyring, repo pins, signing keys and verify results. */
import { z } from 'zod';

const RepoId = z.string().min(1).max(64);
const FingerprintText = z.string().min(16).max(120);

/** Largest key file the UI may send, as base64 (8 MB of key data). */
const MAX_KEY_BASE64 = Math.ceil((8 * 1024 * 1024) / 3) * 4;

/** A public key of the keyring, as listed. */
export const KeyInfo = z.object({
  fingerprint: z.string(),
  keyId: z.string(),
  userIds: z.array(z.string()),
  createdAt: z.number(),
  expiresAt: z.number().optional(),
  revoked: z.boolean(),
  algorithm: z.string(),
  addedAt: z.number(),
});

/** A signing key as listed: its public side only; the secret key stays in the vault. */
export const SigningKeyInfo = KeyInfo.extend({
  /** True when the secret key needs a passphrase to sign. */
  protected: z.boolean(),
  /** True when the user chose to keep its passphrase in the vault. */
  passphraseSaved: z.boolean(),
  /** The ASCII-armored public key, to hand to people who verify. */
  publicKey: z.string(),
});

/** A key file from the UI: the file's bytes as base64 (armored text or binary, several keys allowed). */
export const ImportKeysInput = z.object({ fileName: z.string().min(1).max(255), contentBase64: z.string().min(1).max(MAX_KEY_BASE64) }).strict();

/** What importKeys did. */
export const KeyImportResult = z.object({ added: z.array(KeyInfo), updated: z.array(KeyInfo), hadSecretKeys: z.boolean() });

/** importSigningKey's argument: a secret key file; a passphrase, when given, is checked and not kept. */
export const ImportSigningKeyInput = ImportKeysInput.extend({ passphrase: z.string().max(1024).optional() }).strict();

/** What importSigningKey did. */
export const SigningKeyImportResult = z.object({ keys: z.array(SigningKeyInfo), keyring: KeyImportResult });

/** Names a key by fingerprint (spaces allowed). */
export const FingerprintRef = z.object({ fingerprint: FingerprintText }).strict();

/** A repo's pinned fingerprints; an empty list means any key in the keyring. */
export const RepoTrust = z.object({ repoId: z.string(), fingerprints: z.array(z.string()) });

/** setRepoTrust's argument. */
export const SetRepoTrustInput = z.object({ repoId: RepoId, fingerprints: z.array(FingerprintText).max(1000) }).strict();

/** Every way a provenance check can end. */
export const ProvenanceStatus = z.enum(['verified', 'unknown-key', 'untrusted-key', 'bad-signature', 'expired-key', 'revoked-key', 'digest-mismatch', 'wrong-chart', 'no-provenance', 'invalid-provenance']);

/** Who signed, from the keyring. */
export const ProvenanceSigner = z.object({ fingerprint: z.string(), keyId: z.string(), userId: z.string(), userIds: z.array(z.string()) });

/** The result of verifyChartVersion: one status, a sentence, and the facts behind it. */
export const ProvenanceResult = z.object({
  status: ProvenanceStatus,
  /** True only for 'verified'. */
  verified: z.boolean(),
  summary: z.string(),
  hint: z.string().optional(),
  signer: ProvenanceSigner.optional(),
  /** The key id the signature names, also when the key is unknown. */
  keyId: z.string().optional(),
  signedAt: z.number().optional(),
  fileName: z.string().optional(),
  signedDigest: z.string().optional(),
  actualDigest: z.string().optional(),
  signedChart: z.object({ name: z.string().optional(), version: z.string().optional() }).optional(),
  provenanceUrl: z.string().optional(),
  /** The fingerprints the repo pins (empty: any key in the keyring counts). */
  pinned: z.array(z.string()),
});

/** What a signed push adds to pushChart's result. */
export const PushSignature = z.object({ fingerprint: z.string(), userId: z.string() });
