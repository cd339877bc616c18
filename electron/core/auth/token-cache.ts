import type { TokenInfo } from './types';

/** What a cached token is filed under: the repo's partition (so repos never share tokens) and (realm, service, scope). */
export interface TokenKey {
  partition: string;
  realm: string;
  service?: string | undefined;
  scope: string;
}

/** Tokens by (partition, realm, service, scope). */
export interface TokenCache {
  /** A token still valid `marginMs` after `now`, else undefined. */
  get(key: TokenKey, now: number, marginMs?: number): TokenInfo | undefined;
  set(partition: string, token: TokenInfo): void;
  /** Drops one entry (e.g. after the repo rejected it). */
  delete(key: TokenKey): void;
  /** Drops every token of a partition (the repo's credentials changed). */
  forget(partition: string): void;
  clear(): void;
}

/** Default margin: a token is not reused in its last 30 seconds. */
export const DEFAULT_EXPIRY_MARGIN_MS = 30_000;

function keyOf(key: TokenKey): string {
  return JSON.stringify([key.partition, key.realm, key.service ?? '', key.scope]);
}

/** An in-memory token cache (tokens never go to disk). */
export function createTokenCache(): TokenCache {
  const entries = new Map<string, { partition: string; token: TokenInfo }>();
  return {
    get(key, now, marginMs = DEFAULT_EXPIRY_MARGIN_MS) {
      const entry = entries.get(keyOf(key));
      if (!entry || entry.token.expiresAt - marginMs <= now) return undefined;
      return entry.token;
    },
    set(partition, token) {
      entries.set(keyOf({ partition, realm: token.realm, service: token.service, scope: token.scope }), { partition, token });
    },
    delete(key) {
      entries.delete(keyOf(key));
    },
    forget(partition) {
      for (const [k, entry] of entries) if (entry.partition === partition) entries.delete(k);
    },
    clear() {
      entries.clear();
    },
  };
}
