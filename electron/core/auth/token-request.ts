/** Asks a token server for a token in dialect A, B or C (protocol.md §4); 'auto' tries A, B, C on 404/405. */
import { ChartDeskError } from '../errors';
import type { HttpClient, HttpRequest, HttpResponse } from '../http/client';
import type { TlsSettings } from '../http/dispatcher';
import { excerpt } from './challenge';
import { redactText } from '../http/redact';
import type { TraceRecorder } from '../http/trace';
import { formatScopes, type ResourceScope } from './scope';
import { parseTokenResponse } from './token-response';
import type { Dialect, FlowCredentials, TokenInfo } from './types';

/** Everything needed to ask for one token. */
export interface TokenAsk {
  realm: string;
  service?: string;
  scopes: ResourceScope[];
  dialect: Dialect | 'auto';
  credentials: FlowCredentials;
  /** Dialect C's grant: the user's password (default), or an OAuth2 refresh token (Docker's identity token) as the secret. */
  grant?: 'password' | 'refresh_token';
  clientId?: string;
  tls?: TlsSettings;
  signal?: AbortSignal;
}

/** Keeps `:`, `/` and `,` readable in query strings (all allowed there by RFC 3986). */
function q(value: string): string {
  return encodeURIComponent(value).replace(/%3A/gi, ':').replace(/%2F/gi, '/').replace(/%2C/gi, ',');
}

function withQuery(realm: string, pairs: Array<[string, string]>): string {
  const extra = pairs.map(([k, v]) => `${k}=${q(v)}`).join('&');
  return extra ? `${realm}${realm.includes('?') ? '&' : '?'}${extra}` : realm;
}

/** Builds the HTTP request of one dialect. */
export function buildTokenRequest(dialect: Dialect, ask: TokenAsk): HttpRequest {
  const { secret, username } = ask.credentials;
  const scope = formatScopes(ask.scopes);
  const base = { step: 'token', tls: ask.tls ?? {}, maxBytes: 1024 * 1024, secrets: secret ? [secret] : [], carriesKey: Boolean(secret || username), ...(ask.signal ? { signal: ask.signal } : {}) };
  if (dialect === 'A') {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (secret) headers.authorization = `Bearer ${secret}`;
    return { ...base, method: 'POST', url: withQuery(ask.realm, [['grant_type', 'client_credentials'], ['scope', scope]]), headers, note: `Asked for ${scope || 'a token without a scope'} (dialect A: ChartMuseum example).` };
  }
  if (dialect === 'B') {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (secret || username) headers.authorization = `Basic ${Buffer.from(`${username ?? ''}:${secret ?? ''}`).toString('base64')}`;
    const pairs: Array<[string, string]> = ask.service ? [['service', ask.service]] : [];
    for (const s of ask.scopes) pairs.push(['scope', formatScopes([s])]);
    return { ...base, method: 'GET', url: withQuery(ask.realm, pairs), headers, note: `Asked for ${scope || 'a token without a scope'} (dialect B: Docker token GET).` };
  }
  const refresh = ask.grant === 'refresh_token';
  const form = refresh
    ? new URLSearchParams({ grant_type: 'refresh_token', refresh_token: secret ?? '', client_id: ask.clientId ?? 'chartdesk' })
    : new URLSearchParams({ grant_type: 'password', username: username ?? '', password: secret ?? '', client_id: ask.clientId ?? 'chartdesk' });
  if (ask.service) form.set('service', ask.service);
  form.set('scope', scope);
  return {
    ...base,
    method: 'POST',
    url: ask.realm,
    headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    note: `Asked for ${scope || 'a token without a scope'} (dialect C: OAuth2 ${refresh ? 'refresh-token' : 'password'} form).`,
  };
}

/** An OAuth2 server (dialect C) answers a request in another dialect 400 unsupported_grant_type. */
function speaksOAuth2Only(res: HttpResponse): boolean {
  if (res.status !== 400) return false;
  try {
    return (JSON.parse(res.body.toString('utf8')) as { error?: unknown }).error === 'unsupported_grant_type';
  } catch {
    return false;
  }
}

/** The server's own reason from a JSON error body, unless it holds the secret (the example echoes the key). */
function serverReason(res: HttpResponse, secrets: string[]): string {
  let data: { error?: unknown; error_description?: unknown };
  try {
    data = JSON.parse(res.body.toString('utf8')) as typeof data;
  } catch {
    return '';
  }
  const error = typeof data?.error_description === 'string' ? data.error_description : data?.error;
  if (typeof error !== 'string' || !error || secrets.some((s) => s && error.includes(s))) return '';
  return `: ${redactText(excerpt(error, 120), secrets)}`;
}

function rejection(res: HttpResponse, origin: string, ask: TokenAsk, dialect: Dialect): ChartDeskError {
  const secret = ask.credentials.secret;
  const what = dialect === 'A' ? 'API key' : ask.grant === 'refresh_token' ? 'identity token' : 'user name and password';
  if (res.status === 401 || res.status === 403) {
    const message = secret
      ? `The token server at ${origin} rejected the ${what} (HTTP ${res.status}).`
      : `The token server at ${origin} refused to issue a token without credentials (HTTP ${res.status}); no ${what} was provided.`;
    return new ChartDeskError('token-server-rejected', 'token', message, { hint: `Check the ${what} used for this repo.` });
  }
  if (res.status >= 400 && res.status < 500) {
    return new ChartDeskError('token-server-rejected', 'token', `The token server at ${origin} refused the request (HTTP ${res.status}${serverReason(res, secret ? [secret] : [])}).`, {
      hint: res.status === 404 || res.status === 405 ? 'It may speak another token dialect: try auto.' : 'Check the scope and the dialect set for this repo.',
    });
  }
  return new ChartDeskError('http', 'token', `The token server at ${origin} answered HTTP ${res.status}.`, { hint: 'The token server may be down or misconfigured.' });
}

/** Asks for a token; `now` stamps its lifetime. Throws typed errors naming the token step. */
export async function requestToken(http: HttpClient, trace: TraceRecorder, ask: TokenAsk, now: () => number): Promise<TokenInfo> {
  const origin = new URL(ask.realm).origin;
  const order: Dialect[] = ask.dialect === 'auto' ? ['A', 'B', 'C'] : [ask.dialect];
  for (const [index, dialect] of order.entries()) {
    const res = await http.send(buildTokenRequest(dialect, ask), trace);
    const next = order[index + 1];
    if (next && (res.status === 404 || res.status === 405 || speaksOAuth2Only(res))) {
      trace.note('token', `The token server answered ${res.status} to dialect ${dialect}; trying dialect ${next}.`);
      continue;
    }
    if (res.status < 200 || res.status > 299) throw rejection(res, origin, ask, dialect);
    const parsed = parseTokenResponse(res.body, now(), origin);
    const info: TokenInfo = { token: parsed.token, realm: ask.realm, scope: formatScopes(ask.scopes), dialect, expiresAt: parsed.expiresAt };
    if (ask.service !== undefined) info.service = ask.service;
    if (parsed.issuedAt !== undefined) info.issuedAt = parsed.issuedAt;
    return info;
  }
  throw new ChartDeskError('internal', 'token', 'No token dialect was tried.');
}
