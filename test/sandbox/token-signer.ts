/** Signs sandbox tokens the way chartmuseum/auth's TokenGenerator does: RS256, exp/iat/access claims. */
import { createPrivateKey, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import type { LiveOptions } from './config';
import { libtrustKeyId } from './libtrust-kid';
import type { AccessEntry } from './options';

/** A signed token and the times it carries (seconds since epoch). */
export interface SignedToken {
  token: string;
  issuedAt: number;
  expiresAt: number;
}

const keyCache = new Map<string, KeyObject>();

function privateKeyOf(pem: string): KeyObject {
  let key = keyCache.get(pem);
  if (!key) {
    key = createPrivateKey(pem);
    keyCache.set(pem, key);
  }
  return key;
}

/**
 * Signs a token for `access`. Header `{alg, kid?, typ}` in Go's sorted-map order; claims in the
 * order Go marshals chartmuseum/auth's Claims (exp, iat, access, aud, iss), then `sub` when known.
 * iat/exp are shifted by clockSkewSeconds to simulate a token server whose clock is off.
 */
export async function signToken(options: LiveOptions, access: AccessEntry[], subject?: string, nowMs = Date.now()): Promise<SignedToken> {
  const key = privateKeyOf(options.signingKeyPem);
  const issuedAt = Math.floor(nowMs / 1000) + options.clockSkewSeconds;
  const expiresAt = issuedAt + options.tokenLifetimeSeconds;
  const claims: Record<string, unknown> = { exp: expiresAt, iat: issuedAt, access };
  if (options.audience !== undefined) claims.aud = options.audience;
  if (options.issuer !== undefined) claims.iss = options.issuer;
  if (subject !== undefined) claims.sub = subject;
  const header = options.includeKid ? { alg: 'RS256', kid: libtrustKeyId(key), typ: 'JWT' } : { alg: 'RS256', typ: 'JWT' };
  const token = await new SignJWT(claims).setProtectedHeader(header).sign(key);
  return { token, issuedAt, expiresAt };
}
