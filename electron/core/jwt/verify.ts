/** Verifies a JWT against a PEM public key, an X.509 certificate or a JWKS, saying why when it fails. */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';
import { decodeJwt } from './decode';

/** Why a verification failed. */
export type VerifyFailure = 'expired' | 'not-yet-valid' | 'bad-signature' | 'wrong-alg' | 'no-matching-key' | 'bad-key';

/** The outcome: verified, or a code and a sentence saying why not. */
export interface VerifyResult {
  verified: boolean;
  code?: VerifyFailure;
  reason?: string;
}

/** What to verify with: a PEM (public key, RSA public key, certificate) or a key set. */
export type VerifyKey = { pem: string } | { jwks: JSONWebKeySet };

const ALGS_BY_KEY: Record<string, string[]> = {
  rsa: ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'],
  'rsa-pss': ['PS256', 'PS384', 'PS512'],
  ec: ['ES256', 'ES384', 'ES512'],
  ed25519: ['EdDSA', 'Ed25519'],
};
const ASYMMETRIC = new Set(Object.values(ALGS_BY_KEY).flat());

function fail(code: VerifyFailure, reason: string): VerifyResult {
  return { verified: false, code, reason };
}

function importPem(pem: string): KeyObject | undefined {
  try {
    return createPublicKey(pem);
  } catch {
    return undefined;
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Verifies `jwt`; throws only when `jwt` is not a JWT at all (kind 'bad-request'). */
export async function verifyJwt(jwt: string, key: VerifyKey, now: number = Date.now()): Promise<VerifyResult> {
  const decoded = decodeJwt(jwt, now);
  const compact = jwt.trim().replace(/^bearer\s+/i, '');
  const alg = typeof decoded.header.alg === 'string' ? decoded.header.alg : '';
  if (!alg || alg.toLowerCase() === 'none') return fail('wrong-alg', 'The token is not signed (alg "none").');
  if (!ASYMMETRIC.has(alg)) return fail('wrong-alg', `The token uses ${alg.slice(0, 20)}, which a public key cannot verify (ChartMuseum accepts RS256/384/512 and PS256).`);
  try {
    if ('pem' in key) {
      const publicKey = importPem(key.pem);
      if (!publicKey) return fail('bad-key', 'The key is not a PEM public key or certificate.');
      const allowed = ALGS_BY_KEY[publicKey.asymmetricKeyType ?? ''] ?? [];
      if (!allowed.includes(alg)) return fail('wrong-alg', `The token uses ${alg}, but the key is ${publicKey.asymmetricKeyType ?? 'of another type'}.`);
      await compactVerify(compact, publicKey, { algorithms: [alg] });
    } else {
      await compactVerify(compact, createLocalJWKSet(key.jwks), { algorithms: [alg] });
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_JWKS_NO_MATCHING_KEY') return fail('no-matching-key', 'No key in the key set matches the token’s kid and alg.');
    if (code === 'ERR_JWKS_MULTIPLE_MATCHING_KEYS') return fail('no-matching-key', 'Several keys in the key set match and none verifies the token.');
    if (code === 'ERR_JWKS_INVALID' || code === 'ERR_JOSE_NOT_SUPPORTED') return fail('bad-key', 'The key set is not a valid JWKS for this token.');
    if (code === 'ERR_JOSE_ALG_NOT_ALLOWED') return fail('wrong-alg', `The token’s algorithm ${alg} does not fit the key.`);
    return fail('bad-signature', 'The signature does not match this key: the token was signed with another key or altered.');
  }
  if (decoded.expiresAt !== undefined && decoded.expiresAt <= now) return fail('expired', `The signature is valid, but the token expired at ${iso(decoded.expiresAt)}.`);
  if (decoded.notBefore !== undefined && decoded.notBefore > now) return fail('not-yet-valid', `The signature is valid, but the token is not valid before ${iso(decoded.notBefore)}.`);
  if (decoded.issuedAt !== undefined && decoded.issuedAt > now) {
    return fail('not-yet-valid', `The signature is valid, but the token was issued in the future (${iso(decoded.issuedAt)}); ChartMuseum allows no clock skew.`);
  }
  return { verified: true };
}
