import type { TokenInfo } from './types';

/** Tokens by (realm, service, scope). */
export interface TokenCache {
  /** A token still valid `marginMs` from `now`, else undefined. */
  get(realm: string, service: string | undefined, scope: string, now: number, marginMs?: number): TokenInfo | undefined;
  set(token: TokenInfo): void;
  /** Drops one entry (e.g. after the repo rejected it). */
  delete(realm: string, service: string | undefined, scope: string): void;
  clear(): void;
}

/** Default margin: a token is not reused in its last 30 seconds. */
export const DEFAULT_EXPIRY_MARGIN_MS = 30_000;

function keyOf(realm: string, service: string | undefined, scope: string): string {
  return JSON.stringify([realm, service ?? '', scope]);
}

/** An in-memory token cache (tokens never go to disk). */
export function createTokenCache(): TokenCache {
  const entries = new Map<string, TokenInfo>();
  return {
    get(realm, service, scope, now, marginMs = DEFAULT_EXPIRY_MARGIN_MS) {
      const key = keyOf(realm, service, scope);
      const token = entries.get(key);
      if (!token) return undefined;
      if (token.expiresAt - marginMs <= now) return undefined;
      return token;
    },
    set(token) {
      entries.set(keyOf(token.realm, token.service, token.scope), token);
    },
    delete(realm, service, scope) {
      entries.delete(keyOf(realm, service, scope));
    },
    clear() {
      entries.clear();
    },
  };
}
