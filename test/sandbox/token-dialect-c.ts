/** Dialect C: Docker's OAuth2 token endpoint (POST application/x-www-form-urlencoded). */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { goTime } from './go-json';
import { readBody, sendJson } from './http-io';
import { formatScopes, parseScopes } from './scopes';
import { signToken } from './token-signer';
import { checkPassword, grantFor, type TokenServerState } from './token-state';

function oauthError(res: ServerResponse, status: number, error: string, description: string): void {
  sendJson(res, status, { error, error_description: description });
}

/** Who the request authenticates as, or an error already answered. */
function userOf(state: TokenServerState, form: URLSearchParams, res: ServerResponse): string | undefined {
  const grantType = form.get('grant_type') ?? '';
  if (grantType === 'password') {
    const user = form.get('username') ?? '';
    if (checkPassword(state, user, form.get('password') ?? '')) return user;
    oauthError(res, 401, 'invalid_grant', 'incorrect username or password');
    return undefined;
  }
  if (grantType === 'refresh_token') {
    const user = state.refreshTokens.get(form.get('refresh_token') ?? '');
    if (user !== undefined) return user;
    oauthError(res, 401, 'invalid_grant', 'the refresh token is unknown or revoked');
    return undefined;
  }
  oauthError(res, 400, 'unsupported_grant_type', 'grant_type must be password or refresh_token');
  return undefined;
}

/**
 * grant_type=password (username, password) or refresh_token, plus service, scope (space-separated) and
 * client_id (required). Like Go's r.FormValue, body values win over query values. Answers
 * `{access_token, scope, expires_in, issued_at, refresh_token}`; the scope is what was granted.
 */
export async function dialectC(state: TokenServerState, req: IncomingMessage, res: ServerResponse, query: URLSearchParams): Promise<void> {
  const raw = await readBody(req, 64 * 1024);
  const isForm = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() === 'application/x-www-form-urlencoded';
  const form = new URLSearchParams(query);
  for (const [name, value] of new URLSearchParams(isForm ? raw.toString('utf8') : '')) form.set(name, value);
  const user = userOf(state, form, res);
  if (user === undefined) return;
  if (!form.get('client_id')) return oauthError(res, 400, 'invalid_request', 'client_id is required');
  const requested = parseScopes([form.get('scope') ?? '']);
  if (!requested) return oauthError(res, 400, 'invalid_scope', 'a scope is not of the form type:name:actions');
  const access = grantFor(state, requested, user);
  const signed = await signToken(state.options(), access, user);
  const refresh = form.get('grant_type') === 'refresh_token' ? (form.get('refresh_token') ?? '') : randomBytes(24).toString('hex');
  state.refreshTokens.set(refresh, user);
  sendJson(res, 200, {
    access_token: signed.token,
    scope: formatScopes(access),
    expires_in: signed.expiresAt - signed.issuedAt,
    issued_at: goTime(new Date(signed.issuedAt * 1000)),
    refresh_token: refresh,
  });
}
