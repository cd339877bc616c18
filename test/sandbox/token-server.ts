/** The token server: one realm path answering the enabled dialects; the others answer like a real server would. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLargeError, send, sendGinNotFound, sendJson } from './http-io';
import type { SeenRequest } from './options';
import { recordRequest } from './request-log';
import { dialectA } from './token-dialect-a';
import { dialectB } from './token-dialect-b';
import { dialectC } from './token-dialect-c';
import type { TokenServerState } from './token-state';

/** The realm path (as in the example: POST /oauth/token). */
export const TOKEN_PATH = '/oauth/token';

function methodNotAllowed(res: ServerResponse, allow: string): void {
  send(res, 405, '405 method not allowed', 'text/plain; charset=utf-8', { Allow: allow });
}

function isForm(req: IncomingMessage): boolean {
  return (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() === 'application/x-www-form-urlencoded';
}

/**
 * GET -> B when enabled; else 404 `404 page not found` like the example's gin router (A enabled) or
 * 405 (C only). POST -> C for a form body when enabled, else A when enabled, else C (an OAuth2 server
 * answers an A-style request 400 unsupported_grant_type), else 405 (B only). Other paths: gin's 404.
 */
async function dispatch(state: TokenServerState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
  const dialects = new Set(state.options().dialects);
  if (url.pathname !== TOKEN_PATH) return sendGinNotFound(res);
  const query = url.searchParams;
  if (req.method === 'GET' && dialects.has('B')) return dialectB(state, req, res, query);
  if (req.method === 'POST') {
    if (dialects.has('C') && isForm(req)) return dialectC(state, req, res, query);
    if (dialects.has('A')) return dialectA(state, req, res, query);
    if (dialects.has('C')) return dialectC(state, req, res, query);
  }
  if (dialects.size === 1 && dialects.has('A')) return sendGinNotFound(res);
  const allow = [dialects.has('B') ? 'GET' : '', dialects.has('A') || dialects.has('C') ? 'POST' : ''].filter(Boolean).join(', ');
  return methodNotAllowed(res, allow || 'POST');
}

/** The request listener of the token server. */
export function tokenRequestListener(state: TokenServerState, log: SeenRequest[]): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    recordRequest(log, 'token', req, res);
    dispatch(state, req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      if (error instanceof BodyTooLargeError) return sendJson(res, 413, { error: 'request too large' });
      sendJson(res, 500, { error: 'internal server error' });
    });
  };
}
