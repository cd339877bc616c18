/**
 * The one redaction module: every credential, token and query-string secret that could reach a
 * trace, a log line or an error message passes through here first.
 */

/** What replaces a secret too short to show any of it. */
export const REDACTED = '‹redacted›';

/** Query parameters whose values are always hidden. */
const SECRET_PARAM = /(token|secret|password|passwd|pwd|key|auth|sig|signature|credential|code|session)/i;

/** Of those, the ones that hold a key or password: hidden whole, never shown by their ends. */
const KEY_PARAM = /(secret|password|passwd|pwd|key|credential)/i;

/** Headers whose values are credentials. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie', 'x-api-key']);

/** The user info of a URL inside free text: scheme, `//`, then anything up to the last `@` before the host ends. */
const URL_USER_INFO = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#"'<>@]*(?:@[^\s/?#"'<>@]*)*@/gi;

/** Things that look like a JWT (three base64url parts starting with a JSON header). */
const JWT_LIKE = /eyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g;

/**
 * Masks a secret, keeping 4 characters at each end of long values (tokens) so they can be told
 * apart; values shorter than 32 characters (keys, passwords) show nothing.
 */
export function maskSecret(secret: string): string {
  if (secret.length < 32) return REDACTED;
  return `${secret.slice(0, 4)}…${secret.slice(-4)}`;
}

/**
 * Masks a credential header value, keeping its scheme word ("Bearer eyJh…x9Qk", "Basic ‹redacted›");
 * `hideWhole` hides all of it (an API key or password rather than a token).
 */
export function maskCredentialValue(value: string, hideWhole = false): string {
  const match = /^\s*([A-Za-z][A-Za-z0-9._~+-]*)\s+(\S.*)$/s.exec(value);
  if (!match) return hideWhole ? REDACTED : maskSecret(value.trim());
  const [, scheme = '', rest = ''] = match;
  return scheme.toLowerCase() === 'basic' || hideWhole ? `${scheme} ${REDACTED}` : `${scheme} ${maskSecret(rest.trim())}`;
}

/** Removes user info and masks secret-looking query parameters of a URL, keeping the rest verbatim. */
export function redactUrl(url: string): string {
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt < 0 ? url : url.slice(0, hashAt);
  const queryAt = beforeHash.indexOf('?');
  const base = (queryAt < 0 ? beforeHash : beforeHash.slice(0, queryAt)).replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, `$1${REDACTED}@`);
  if (queryAt < 0) return redactText(base);
  const query = beforeHash
    .slice(queryAt + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      const name = safeDecode(pair.slice(0, eq));
      if (!SECRET_PARAM.test(name)) return pair;
      return `${pair.slice(0, eq)}=${KEY_PARAM.test(name) ? REDACTED : maskSecret(safeDecode(pair.slice(eq + 1)))}`;
    })
    .join('&');
  return redactText(`${base}?${query}`);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/**
 * Replaces every known secret (whole), the user info of every URL (`https://user:pass@host` →
 * `https://‹redacted›@host`) and every JWT-looking string (but its ends) inside free text.
 */
export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 3) out = out.split(secret).join(REDACTED);
  }
  return out.replace(URL_USER_INFO, `$1${REDACTED}@`).replace(JWT_LIKE, (jwt) => maskSecret(jwt));
}

/**
 * The URL without its user info, and whether it had any. User info in an address is never used
 * as a credential: credentials come only from what the user configured for the repo.
 */
export function withoutUserInfo(url: string): { url: string; hadUserInfo: boolean } {
  if (!url.includes('@')) return { url, hadUserInfo: false };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { url, hadUserInfo: false };
  }
  if (!parsed.username && !parsed.password) return { url, hadUserInfo: false };
  parsed.username = '';
  parsed.password = '';
  return { url: parsed.toString(), hadUserInfo: true };
}

/** True when a header carries a credential (including a repo's custom auth header). */
export function isCredentialHeader(name: string, extra: readonly string[] = []): boolean {
  const lower = name.toLowerCase();
  return CREDENTIAL_HEADERS.has(lower) || extra.some((e) => e.toLowerCase() === lower);
}

/**
 * Picks the headers worth tracing and masks the credential ones; `credentialHeaders` names extra
 * headers that carry a credential (a custom auth header); `hideCredentials` hides their values
 * whole (they carry an API key or password, not a token).
 */
export function redactHeaders(
  headers: Record<string, string | string[] | undefined>,
  pick: readonly string[],
  credentialHeaders: readonly string[] = [],
  secrets: readonly string[] = [],
  hideCredentials = false,
): Record<string, string> {
  const wanted = new Set([...pick, ...credentialHeaders].map((n) => n.toLowerCase()));
  const out: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    if (!wanted.has(lower) || raw === undefined) continue;
    const value = Array.isArray(raw) ? raw.join(', ') : raw;
    if (isCredentialHeader(lower, credentialHeaders)) out[lower] = maskCredentialValue(value, hideCredentials);
    else if (lower === 'location') out[lower] = redactUrl(value);
    else out[lower] = redactText(value, secrets);
  }
  return out;
}
