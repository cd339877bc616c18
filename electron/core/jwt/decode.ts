/**
 * Decodes a JWT's header and claims without verifying it, with typed errors on garbage. Plain
 * base64url and JSON (no jose): decoding is on the path of `chartdesk decode`, whose start-up stays
 * lean; verification (verify.ts) uses jose.
 */
import { ChartDeskError } from '../errors';

/** One entry of a token's `access` claim (protocol.md §5). */
export interface AccessEntry {
  type: string;
  name: string;
  actions: string[];
}

/** What a JWT says about itself; times in ms since epoch. */
export interface DecodedJwt {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  /** The `access` claim as a table (entries that are not well-formed are skipped). */
  access: AccessEntry[];
  issuedAt?: number;
  expiresAt?: number;
  notBefore?: number;
  /** True when `exp` is at or before `now`. */
  expired: boolean;
}

/** Longest JWT accepted. */
export const MAX_JWT_LENGTH = 64 * 1024;

const SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

function notAJwt(reason: string): ChartDeskError {
  return new ChartDeskError('bad-request', 'decode', `This is not a JWT: ${reason}.`, { hint: 'A JWT is three base64url parts separated by dots, like eyJ….eyJ….sig' });
}

function seconds(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value * 1000 : undefined;
}

/** Reads the `access` claim into a table. */
export function accessTable(access: unknown): AccessEntry[] {
  if (!Array.isArray(access)) return [];
  const out: AccessEntry[] = [];
  for (const entry of access) {
    if (!entry || typeof entry !== 'object') continue;
    const { type, name, actions } = entry as Record<string, unknown>;
    if (typeof type !== 'string' || typeof name !== 'string') continue;
    out.push({ type, name, actions: Array.isArray(actions) ? actions.filter((a): a is string => typeof a === 'string') : [] });
  }
  return out;
}

/** The JSON object a base64url part holds, or undefined when it holds anything else. */
function jsonObjectOf(part: string): Record<string, unknown> | undefined {
  if (part === '' || part.length % 4 === 1) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Decodes a compact JWT (surrounding whitespace and a "Bearer " prefix are ignored). */
export function decodeJwt(input: string, now: number = Date.now()): DecodedJwt {
  if (typeof input !== 'string') throw notAJwt('it is not text');
  if (input.length > MAX_JWT_LENGTH) throw notAJwt(`it is ${input.length} characters long`);
  const jwt = input.trim().replace(/^bearer\s+/i, '');
  if (jwt === '') throw notAJwt('it is empty');
  if (!SHAPE.test(jwt)) throw notAJwt('it is not three base64url parts separated by dots');
  const [headerPart = '', claimsPart = ''] = jwt.split('.');
  const header = jsonObjectOf(headerPart);
  if (!header) throw notAJwt('its header is not base64url-encoded JSON');
  const claims = jsonObjectOf(claimsPart);
  if (!claims) throw notAJwt('its claims are not a base64url-encoded JSON object');
  const decoded: DecodedJwt = { header, claims, access: accessTable(claims.access), expired: false };
  const iat = seconds(claims.iat);
  const exp = seconds(claims.exp);
  const nbf = seconds(claims.nbf);
  if (iat !== undefined) decoded.issuedAt = iat;
  if (exp !== undefined) decoded.expiresAt = exp;
  if (nbf !== undefined) decoded.notBefore = nbf;
  decoded.expired = exp !== undefined && exp <= now;
  return decoded;
}

/** Decodes without throwing: undefined for anything that is not a JWT (opaque tokens). */
export function tryDecodeJwt(input: string, now?: number): DecodedJwt | undefined {
  try {
    return decodeJwt(input, now);
  } catch {
    return undefined;
  }
}
