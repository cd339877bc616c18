/** Dialect A, exactly chartmuseum/auth-server-example's oauthTokenHandler (authserver/main.go). */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { goSprintfNoArgs, headerAsGoString } from './go-json';
import { sendJson } from './http-io';
import { ACCESS_ENTRY_TYPE } from './repo-auth';
import type { TokenServerState } from './token-state';
import { signToken } from './token-signer';

/**
 * POST with query parameters only: the key must be `Authorization: Bearer <masterKey>` (wrong key:
 * 401 echoing the key it got, through fmt.Sprintf), `grant_type=client_credentials` in the query
 * (else 400), one `scope` of exactly three colon-separated parts with type artifact-repository (else
 * 400). Ignores the body and `service`; grants exactly what was asked.
 */
export async function dialectA(state: TokenServerState, req: IncomingMessage, res: ServerResponse, query: URLSearchParams): Promise<void> {
  req.resume();
  const options = state.options();
  const header = headerAsGoString(req.headers.authorization ?? '');
  const key = header.startsWith('Bearer ') ? header.slice('Bearer '.length) : header;
  if (key !== options.masterKey) return sendJson(res, 401, { error: goSprintfNoArgs(key) });
  if ((query.get('grant_type') ?? '') !== 'client_credentials') {
    return sendJson(res, 400, { error: 'grant_type must equal client_credentials' });
  }
  const parts = (query.get('scope') ?? '').split(':');
  if (parts.length !== 3 || parts[0] !== ACCESS_ENTRY_TYPE) return sendJson(res, 400, { error: 'scope is missing or invalid' });
  const access = [{ type: ACCESS_ENTRY_TYPE, name: parts[1] ?? '', actions: (parts[2] ?? '').split(',') }];
  const { token } = await signToken(options, access);
  sendJson(res, 200, { access_token: token });
}
