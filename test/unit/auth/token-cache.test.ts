import { describe, expect, it } from 'vitest';
import { createTokenCache, type TokenKey } from '../../../electron/core/auth/token-cache';
import type { TokenInfo } from '../../../electron/core/auth/types';

const token = (over: Partial<TokenInfo> = {}): TokenInfo => ({ token: 't1', realm: 'http://t/token', service: 's', scope: 'artifact-repository:a:pull', dialect: 'A', expiresAt: 1_000_000, ...over });
const key = (over: Partial<TokenKey> = {}): TokenKey => ({ partition: 'repo-1', realm: 'http://t/token', service: 's', scope: 'artifact-repository:a:pull', ...over });

describe('token cache', () => {
  it('reuses a token for the same realm, service and scope until shortly before expiry', () => {
    const cache = createTokenCache();
    cache.set('repo-1', token());
    expect(cache.get(key(), 900_000)?.token).toBe('t1');
    expect(cache.get(key(), 980_000)).toBeUndefined();
    expect(cache.get(key(), 999_000, 0)?.token).toBe('t1');
  });

  it('keeps pull and pull,push tokens, services, realms and repos apart', () => {
    const cache = createTokenCache();
    cache.set('repo-1', token());
    cache.set('repo-1', token({ token: 't2', scope: 'artifact-repository:a:pull,push' }));
    expect(cache.get(key({ scope: 'artifact-repository:a:pull,push' }), 0)?.token).toBe('t2');
    expect(cache.get(key({ service: 'other' }), 0)).toBeUndefined();
    expect(cache.get(key({ realm: 'http://t/other' }), 0)).toBeUndefined();
    expect(cache.get(key({ partition: 'repo-2' }), 0)).toBeUndefined();
  });

  it('forgets a deleted token, a repo’s tokens, and everything on clear', () => {
    const cache = createTokenCache();
    cache.set('repo-1', token());
    cache.set('repo-1', token({ scope: 'x:y:pull' }));
    cache.set('repo-2', token());
    cache.delete(key());
    expect(cache.get(key(), 0)).toBeUndefined();
    expect(cache.get(key({ scope: 'x:y:pull' }), 0)).toBeDefined();
    cache.forget('repo-1');
    expect(cache.get(key({ scope: 'x:y:pull' }), 0)).toBeUndefined();
    expect(cache.get(key({ partition: 'repo-2' }), 0)).toBeDefined();
    cache.clear();
    expect(cache.get(key({ partition: 'repo-2' }), 0)).toBeUndefined();
  });
});
