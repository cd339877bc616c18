/** Reads a token server's answer: access_token else token; lifetime from exp, expires_in or 60 s. */
import { ChartDeskError } from '../errors';
import { tryDecodeJwt } from '../jwt/decode';

/** A token and its times, as the server's answer gives them. */
export interface ParsedTokenResponse {
  token: string;
  expiresAt: number;
  issuedAt?: number;
  /** The `scope` the server says it granted (dialect C), when present. */
  grantedScope?: string;
}

/** The shortest lifetime assumed (protocol.md §4: expires_in under 60 counts as 60). */
export const MIN_LIFETIME_S = 60;

/** Parses a 2xx token response body; `origin` names the server in errors. */
export function parseTokenResponse(body: Buffer, now: number, origin: string): ParsedTokenResponse {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    throw new ChartDeskError('http', 'token', `The token server at ${origin} answered with something that is not JSON.`);
  }
  const data = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>;
  const raw = typeof data.access_token === 'string' && data.access_token ? data.access_token : data.token;
  if (typeof raw !== 'string' || raw.trim() === '') {
    throw new ChartDeskError('http', 'token', `The token server at ${origin} answered without a token (no access_token or token field).`);
  }
  const token = raw.trim();
  // A token travels in an HTTP header and is printed raw by `chartdesk token`: visible ASCII only.
  if (!/^[\x21-\x7e]+$/.test(token)) {
    throw new ChartDeskError('http', 'token', `The token server at ${origin} answered with a token that holds spaces, control characters or non-ASCII characters, which no token can have.`);
  }
  const out: ParsedTokenResponse = { token, expiresAt: now + MIN_LIFETIME_S * 1000 };
  const decoded = tryDecodeJwt(token, now);
  const issuedAtText = typeof data.issued_at === 'string' ? Date.parse(data.issued_at) : NaN;
  if (decoded?.issuedAt !== undefined) out.issuedAt = decoded.issuedAt;
  else if (Number.isFinite(issuedAtText)) out.issuedAt = issuedAtText;
  if (decoded?.expiresAt !== undefined) {
    out.expiresAt = decoded.expiresAt;
  } else if (typeof data.expires_in === 'number' && Number.isFinite(data.expires_in)) {
    out.expiresAt = now + Math.max(MIN_LIFETIME_S, data.expires_in) * 1000;
  }
  if (typeof data.scope === 'string') out.grantedScope = data.scope;
  return out;
}
