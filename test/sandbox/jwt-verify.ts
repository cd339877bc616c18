/** Token checks exactly as chartmuseum/auth v0.6.0 (golang-jwt v4 `jwt.Parse` with an RSA public key). */
import { constants, createPublicKey, verify, type KeyObject } from 'node:crypto';

/** The verdict: the claims when valid, else why not (for the sandbox's own logs and tests). */
export type TokenVerdict = { valid: true; claims: Record<string, unknown> } | { valid: false; reason: string };

const HASHES: Record<string, { hash: string; pss: boolean }> = {
  RS256: { hash: 'sha256', pss: false },
  RS384: { hash: 'sha384', pss: false },
  RS512: { hash: 'sha512', pss: false },
  PS256: { hash: 'sha256', pss: true },
  PS384: { hash: 'sha384', pss: true },
  PS512: { hash: 'sha512', pss: true },
};

const keyCache = new Map<string, KeyObject>();

function publicKeyOf(pem: string): KeyObject {
  let key = keyCache.get(pem);
  if (!key) {
    key = createPublicKey(pem);
    keyCache.set(pem, key);
  }
  return key;
}

// golang-jwt v4 decodes segments as unpadded base64url and rejects anything else.
function decodeSegment(segment: string): Buffer | undefined {
  return /^[A-Za-z0-9_-]*$/.test(segment) ? Buffer.from(segment, 'base64url') : undefined;
}

function parseObject(segment: string): Record<string, unknown> | undefined {
  const bytes = decodeSegment(segment);
  if (!bytes) return undefined;
  try {
    const value: unknown = JSON.parse(bytes.toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

// MapClaims time checks: missing (or 0) passes; numbers compared with whole seconds, no leeway.
function timeClaimOk(value: unknown, ok: (seconds: number) => boolean): boolean {
  if (value === undefined || value === null || value === 0) return true;
  return typeof value === 'number' && ok(value);
}

/** Verifies signature (RS256/384/512, PS256/384/512 only), exp strictly future, iat and nbf not future. */
export function verifyChartMuseumToken(token: string, certificatePem: string, nowMs = Date.now()): TokenVerdict {
  const parts = token.split('.');
  if (parts.length !== 3) return { valid: false, reason: 'token contains an invalid number of segments' };
  const [headerPart, claimsPart, signaturePart] = parts as [string, string, string];
  const header = parseObject(headerPart);
  const claims = parseObject(claimsPart);
  if (!header || !claims) return { valid: false, reason: 'malformed token' };
  const method = typeof header.alg === 'string' ? HASHES[header.alg] : undefined;
  if (!method) return { valid: false, reason: `signing method ${String(header.alg)} is invalid for an RSA key` };
  const now = Math.floor(nowMs / 1000);
  if (!timeClaimOk(claims.exp, (exp) => now < exp)) return { valid: false, reason: 'token is expired' };
  if (!timeClaimOk(claims.iat, (iat) => iat <= now)) return { valid: false, reason: 'token used before issued' };
  if (!timeClaimOk(claims.nbf, (nbf) => nbf <= now)) return { valid: false, reason: 'token is not valid yet' };
  const signature = decodeSegment(signaturePart);
  if (!signature) return { valid: false, reason: 'malformed signature' };
  const key = publicKeyOf(certificatePem);
  const data = Buffer.from(`${headerPart}.${claimsPart}`);
  const options = method.pss ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO } : key;
  let ok = false;
  try {
    ok = verify(method.hash, data, options, signature);
  } catch {
    ok = false;
  }
  return ok ? { valid: true, claims } : { valid: false, reason: 'crypto/rsa: verification error' };
}
