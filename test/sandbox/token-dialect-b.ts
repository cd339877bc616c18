/** Dialect B: the Docker registry token specification (GET with service and repeated scope). */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { goTime } from './go-json';
import { sendJson } from './http-io';
import { parseScopes } from './scopes';
import { signToken } from './token-signer';
import { checkBasic, grantFor, type TokenServerState } from './token-state';

/**
 * GET realm?service=…&scope=…&scope=… with optional Basic credentials (none = anonymous). Answers
 * `{token, access_token, expires_in, issued_at}` (+ refresh_token with offline_token=true and a user);
 * the token grants the intersection of what was asked and what the grant policy allows.
 * Errors use Docker Hub's body shape: 401 `{"details":"incorrect username or password"}`, 400 for a bad scope.
 */
export async function dialectB(state: TokenServerState, req: IncomingMessage, res: ServerResponse, query: URLSearchParams): Promise<void> {
  req.resume();
  const options = state.options();
  const login = checkBasic(state, req.headers.authorization);
  if (!login.ok) return sendJson(res, 401, { details: 'incorrect username or password' });
  const requested = parseScopes(query.getAll('scope'));
  if (!requested) return sendJson(res, 400, { details: 'invalid scope' });
  const access = grantFor(state, requested, login.user);
  const signed = await signToken(options, access, login.user);
  const body: Record<string, unknown> = {
    token: signed.token,
    access_token: signed.token,
    expires_in: signed.expiresAt - signed.issuedAt,
    issued_at: goTime(new Date(signed.issuedAt * 1000)),
  };
  if (query.get('offline_token') === 'true' && login.user !== undefined) {
    const refresh = randomBytes(24).toString('hex');
    state.refreshTokens.set(refresh, login.user);
    body.refresh_token = refresh;
  }
  sendJson(res, 200, body);
}
