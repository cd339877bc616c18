import { describe, expect, it } from 'vitest';
import { parseTokenResponse } from '../../../electron/core/auth/token-response';
import { ChartDeskError } from '../../../electron/core/errors';

const NOW = 1_700_000_000_000;

function jwtWith(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}

function parse(body: unknown) {
  return parseTokenResponse(Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)), NOW, 'http://t');
}

describe('parseTokenResponse', () => {
  it('prefers access_token and takes the lifetime from the JWT’s exp', () => {
    const jwt = jwtWith({ iat: NOW / 1000, exp: NOW / 1000 + 300 });
    const out = parse({ access_token: jwt, token: 'other', expires_in: 10 });
    expect(out.token).toBe(jwt);
    expect(out.expiresAt).toBe(NOW + 300_000);
    expect(out.issuedAt).toBe(NOW);
  });

  it('falls back to token, and to expires_in for an opaque token', () => {
    expect(parse({ token: 'opaque', expires_in: 900 })).toMatchObject({ token: 'opaque', expiresAt: NOW + 900_000 });
  });

  it('counts expires_in under 60 as 60 and assumes 60 s without one', () => {
    expect(parse({ token: 'opaque', expires_in: 5 }).expiresAt).toBe(NOW + 60_000);
    expect(parse({ token: 'opaque' }).expiresAt).toBe(NOW + 60_000);
  });

  it('reads issued_at and a granted scope', () => {
    expect(parse({ token: 'opaque', issued_at: '2023-11-14T22:13:20Z', scope: 'repository:a:pull' })).toMatchObject({ issuedAt: Date.parse('2023-11-14T22:13:20Z'), grantedScope: 'repository:a:pull' });
  });

  it.each([['not JSON', '<html>'], ['no token', { expires_in: 60 }], ['an empty token', { access_token: '', token: '  ' }], ['null', 'null']])('rejects %s with a typed error', (_name, body) => {
    expect(() => parse(body)).toThrow(ChartDeskError);
  });
});
