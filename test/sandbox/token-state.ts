/** What every token dialect handler needs: live options, the service name and issued refresh tokens. */
import type { LiveOptions } from './config';
import type { AccessEntry } from './options';
import { intersectGrant } from './scopes';

/** Shared token-server state. */
export interface TokenServerState {
  options: () => LiveOptions;
  /** Refresh token -> user name (dialects B and C). */
  refreshTokens: Map<string, string>;
}

/** Applies the configured grant policy (default: everything asked for), then intersects with the request. */
export function grantFor(state: TokenServerState, requested: AccessEntry[], user: string | undefined): AccessEntry[] {
  const policy = state.options().grant;
  const copy = requested.map((e) => ({ ...e, actions: [...e.actions] }));
  return intersectGrant(requested, policy ? policy(copy, user) : copy);
}

/** The outcome of checking optional Basic credentials: the user (undefined = anonymous) or a failure. */
export type BasicCheck = { ok: true; user: string | undefined } | { ok: false };

/** Checks an optional `Authorization: Basic …` header against the configured users. */
export function checkBasic(state: TokenServerState, header: string | undefined): BasicCheck {
  if (!header) return { ok: true, user: undefined };
  const match = /^basic\s+(\S+)$/i.exec(header);
  if (!match?.[1]) return { ok: false };
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return { ok: false };
  const user = decoded.slice(0, colon);
  return checkPassword(state, user, decoded.slice(colon + 1)) ? { ok: true, user } : { ok: false };
}

/** Whether `password` is the configured password of `user`. */
export function checkPassword(state: TokenServerState, user: string, password: string): boolean {
  const users = state.options().basicUsers;
  return Object.prototype.hasOwnProperty.call(users, user) && users[user] === password;
}
