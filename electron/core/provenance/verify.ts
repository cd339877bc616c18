/**
 * Verifies a chart package against its .prov as Helm's pkg/provenance does, with no network: the
 * signature against the keyring, the signing key still valid, the signed Chart.yaml naming this chart
 * and version, and the signed sha256 of the package equal to the bytes at hand.
 */
import * as openpgp from 'openpgp';
import { sha256Hex } from '../charts/digest';
import { keyFacts } from './key-info';
import { digestWords, importHint, signerWords, type ProvenanceOutcome, type ProvenanceSigner } from './outcome';
import { InvalidProvenanceError, parseProvenance, type ParsedProvenance } from './prov-message';

/** What to verify. */
export interface VerifyInput {
  packageBytes: Uint8Array;
  /** The .prov file's bytes (or text). */
  provenance: Uint8Array | string;
  chartName: string;
  chartVersion: string;
  /** The package's file name (the download URL's last segment); `<name>-<version>.tgz` is accepted too. */
  fileName?: string;
  /** The keyring. */
  keys: readonly openpgp.PublicKey[];
  /** Fingerprints the repo pins; when non-empty, a signature by any other key is not trusted. */
  trustedFingerprints?: readonly string[];
  now?: Date;
}

type SignatureCheck = { ok: true; key: openpgp.PublicKey; keyId: string; signedAt?: number } | { ok: false; key?: openpgp.PublicKey; keyId: string; reason: string };

async function checkSignatures(parsed: ParsedProvenance, keys: readonly openpgp.PublicKey[], now: Date): Promise<SignatureCheck> {
  const ids = parsed.signingKeyIds;
  const candidates = keys.filter((key) => ids.some((id) => key.getKeys().some((k) => k.getKeyID().toHex().toUpperCase() === id)));
  if (candidates.length === 0) return { ok: false, keyId: ids[0] ?? 'unknown', reason: 'unknown-key' };
  const result = await openpgp.verify({ message: parsed.message, verificationKeys: [...candidates], date: now, expectSigned: false });
  let failure: SignatureCheck | undefined;
  for (const signature of result.signatures) {
    const keyId = signature.keyID.toHex().toUpperCase();
    const key = candidates.find((k) => k.getKeys().some((sub) => sub.getKeyID().toHex().toUpperCase() === keyId));
    if (!key) continue;
    try {
      await signature.verified;
      const created = (await signature.signature).packets[0]?.created;
      return { ok: true, key, keyId, ...(created ? { signedAt: created.getTime() } : {}) };
    } catch (error) {
      failure ??= { ok: false, key, keyId, reason: error instanceof Error ? error.message : 'verification failed' };
    }
  }
  return failure ?? { ok: false, keyId: ids[0] ?? 'unknown', reason: 'unknown-key' };
}

async function signerOf(key: openpgp.PublicKey, now: Date): Promise<{ signer: ProvenanceSigner; expiresAt?: number; revoked: boolean }> {
  const facts = await keyFacts(key, now);
  return {
    signer: { fingerprint: facts.fingerprint, keyId: facts.keyId, userId: facts.userIds[0] ?? facts.fingerprint, userIds: facts.userIds },
    ...(facts.expiresAt !== undefined ? { expiresAt: facts.expiresAt } : {}),
    revoked: facts.revoked,
  };
}

/** Runs the checks in Helm's order and returns the first failure, or 'verified'. Never throws for bad input. */
export async function verifyProvenance(input: VerifyInput): Promise<ProvenanceOutcome> {
  const now = input.now ?? new Date();
  const actualDigest = sha256Hex(input.packageBytes);
  const label = `${input.chartName} ${input.chartVersion}`;
  let parsed: ParsedProvenance;
  try {
    parsed = await parseProvenance(typeof input.provenance === 'string' ? Buffer.from(input.provenance, 'utf8') : input.provenance);
  } catch (error) {
    const why = error instanceof InvalidProvenanceError ? error.message : 'it could not be read';
    return { status: 'invalid-provenance', verified: false, summary: `The provenance file of ${label} cannot be used: ${why}.`, actualDigest };
  }
  const base = { actualDigest };
  const check = await checkSignatures(parsed, input.keys, now);
  if (!check.ok && check.reason === 'unknown-key') {
    return { ...base, status: 'unknown-key', verified: false, keyId: check.keyId, summary: `${label} is signed by a key that is not in your keyring: ${check.keyId}.`, hint: importHint(check.keyId) };
  }
  const known = check.key ? await signerOf(check.key, now) : undefined;
  const who = known ? { signer: known.signer } : {};
  if (!check.ok) {
    if (/revoked/i.test(check.reason)) return { ...base, ...who, status: 'revoked-key', verified: false, keyId: check.keyId, summary: `${label} is signed by ${known ? signerWords(known.signer) : check.keyId}, but that key has been revoked.`, hint: 'Do not trust this signature; ask the publisher which key they sign with now.' };
    if (/expired/i.test(check.reason)) return { ...base, ...who, status: 'expired-key', verified: false, keyId: check.keyId, summary: `${label} has a signature that has expired (${check.reason.replace(/\.$/, '')}).`, hint: 'Ask the publisher to sign the chart again.' };
    return { ...base, ...who, status: 'bad-signature', verified: false, keyId: check.keyId, summary: `The signature on ${label}'s provenance does not match its text: it was changed after signing, or signed with another key than ${check.keyId}.`, hint: 'Do not install this package.' };
  }
  const signed = { ...base, ...who, signedChart: parsed.chart, keyId: check.keyId, ...(check.signedAt !== undefined ? { signedAt: check.signedAt } : {}) };
  const signer = known?.signer as ProvenanceSigner;
  if (known?.revoked) return { ...signed, status: 'revoked-key', verified: false, summary: `${label} is signed by ${signerWords(signer)}, but that key has been revoked.`, hint: 'Do not trust this signature; ask the publisher which key they sign with now.' };
  if (known?.expiresAt !== undefined && known.expiresAt <= now.getTime()) {
    return { ...signed, status: 'expired-key', verified: false, summary: `${label} is signed by ${signerWords(signer)}, but that key expired on ${new Date(known.expiresAt).toISOString().slice(0, 10)}.`, hint: 'Helm refuses signatures by expired keys too: get the publisher’s renewed key, or ask them to sign again.' };
  }
  const pins = (input.trustedFingerprints ?? []).map((f) => f.toUpperCase());
  if (pins.length > 0 && !pins.includes(signer.fingerprint)) {
    return { ...signed, status: 'untrusted-key', verified: false, summary: `${label} is signed by ${signerWords(signer)}, which is in your keyring but not among the keys this repo trusts.`, hint: 'Pin that key for this repo if you trust it to sign these charts.' };
  }
  const { name, version } = parsed.chart;
  if (name !== input.chartName || version !== input.chartVersion) {
    return { ...signed, status: 'wrong-chart', verified: false, summary: `The provenance is for ${name ?? '(no name)'} ${version ?? '(no version)'}, not ${label}.`, hint: 'The repo serves a .prov that belongs to another chart or version.' };
  }
  const names = [input.fileName, `${input.chartName}-${input.chartVersion}.tgz`].filter((n): n is string => Boolean(n));
  const fileName = names.find((n) => parsed.files.has(n));
  if (fileName === undefined) {
    return { ...signed, status: 'wrong-chart', verified: false, summary: `The provenance signs ${[...parsed.files.keys()].slice(0, 3).join(', ')}, not ${names[0]}.` };
  }
  const signedDigest = (parsed.files.get(fileName) ?? '').replace(/^sha256:/i, '').toLowerCase();
  const content = { ...signed, fileName, signedDigest };
  if (signedDigest !== actualDigest) {
    return { ...content, status: 'digest-mismatch', verified: false, summary: `The package is not the one ${signer.userId} signed: it is ${digestWords(actualDigest)}, the signature covers ${digestWords(signedDigest)}.`, hint: 'The package changed after it was signed. Do not install it.' };
  }
  return { ...content, status: 'verified', verified: true, summary: `Signed by ${signerWords(signer)}; the package is exactly what they signed.` };
}
