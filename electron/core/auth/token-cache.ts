import { tryDecodeJwt } from '../jwt/decode';
import { parseScopes, type ResourceScope } from './scope';
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
  /**
   * A token of the partition and token server that covers every one of `needed` (by the `access`
   * it was granted, else the scopes it was asked for), still valid `marginMs` after `now`.
   */
  findCovering(key: Omit<TokenKey, 'scope'>, needed: readonly ResourceScope[], now: number, marginMs?: number): TokenInfo | undefined;
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

/** What a token grants: its JWT `access` claim when it has one, else the scopes it was asked for. */
function coverage(token: TokenInfo): ResourceScope[] {
  const access = tryDecodeJwt(token.token)?.claims.access;
  if (Array.isArray(access)) {
    return access.flatMap((e: unknown) => {
      const entry = e as { type?: unknown; name?: unknown; actions?: unknown };
      return typeof entry.type === 'string' && typeof entry.name === 'string' && Array.isArray(entry.actions)
        ? [{ type: entry.type, name: entry.name, actions: entry.actions.filter((a): a is string => typeof a === 'string') }]
        : [];
    });
  }
  try {
    return parseScopes(token.scope);
  } catch {
    return [];
  }
}

function covers(granted: readonly ResourceScope[], needed: ResourceScope): boolean {
  return granted.some((g) => g.type === needed.type && g.name === needed.name && needed.actions.every((a) => g.actions.includes(a) || g.actions.includes('*')));
}

/** An in-memory token cache (tokens never go to disk). */
export function createTokenCache(): TokenCache {
  const entries = new Map<string, { partition: string; token: TokenInfo; covers: ResourceScope[] }>();
  const valid = (token: TokenInfo, now: number, marginMs: number) => token.expiresAt - marginMs > now;
  return {
    get(key, now, marginMs = DEFAULT_EXPIRY_MARGIN_MS) {
      const entry = entries.get(keyOf(key));
      if (!entry || !valid(entry.token, now, marginMs)) return undefined;
      return entry.token;
    },
    findCovering(key, needed, now, marginMs = DEFAULT_EXPIRY_MARGIN_MS) {
      if (needed.length === 0) return undefined;
      for (const entry of entries.values()) {
        const { token } = entry;
        if (entry.partition !== key.partition || token.realm !== key.realm || (token.service ?? '') !== (key.service ?? '') || !valid(token, now, marginMs)) continue;
        if (needed.every((n) => covers(entry.covers, n))) return token;
      }
      return undefined;
    },
    set(partition, token) {
      entries.set(keyOf({ partition, realm: token.realm, service: token.service, scope: token.scope }), { partition, token, covers: coverage(token) });
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
