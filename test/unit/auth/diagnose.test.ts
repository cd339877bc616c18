import { describe, expect, it } from 'vitest';
import { diagnoseRejection, type RejectionFacts } from '../../../electron/core/auth/diagnose';
import { parseScopes } from '../../../electron/core/auth/scope';
import type { HttpResponse } from '../../../electron/core/http/client';

const NOW = Date.parse('2024-05-01T12:00:00Z');

function jwt(claims: Record<string, unknown>): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJlLWJ5dGVzLWhlcmU`;
}

function response(headers: Record<string, string> = {}): HttpResponse {
  return { status: 401, headers: { date: new Date(NOW).toUTCString(), ...headers }, rawHeaders: { ...headers }, body: Buffer.from('{"error":"unauthorized"}'), url: 'http://r/x' };
}

function facts(token: string, over: Partial<RejectionFacts> = {}): RejectionFacts {
  return { token, source: { kind: 'token-server', realmOrigin: 'http://t:5001' }, response: response(), required: parseScopes('artifact-repository:org1/repo1:pull,push'), now: NOW, ...over };
}

const access = (actions: string[]) => [{ type: 'artifact-repository', name: 'org1/repo1', actions }];
const s = NOW / 1000;

describe('diagnoseRejection', () => {
  it('says scope-denied when the token lacks an action the request needs', () => {
    const error = diagnoseRejection(facts(jwt({ iat: s, exp: s + 300, access: access(['pull']) })));
    expect(error.kind).toBe('scope-denied');
    expect(error.message).toBe('The token grants pull on org1/repo1, but this needs push.');
  });

  it('says scope-denied on Docker’s insufficient_scope even for an opaque token', () => {
    const res = response({ 'www-authenticate': 'Bearer realm="http://t/token",error="insufficient_scope"' });
    expect(diagnoseRejection(facts('opaque-token', { response: res })).kind).toBe('scope-denied');
  });

  it('blames clock skew when the token was issued in the future', () => {
    const error = diagnoseRejection(facts(jwt({ iat: s + 120, exp: s + 420, access: access(['pull', 'push']) })));
    expect(error.kind).toBe('repo-rejected-token');
    expect(error.message).toContain('120 s in the future');
    expect(error.hint).toMatch(/clock/i);
  });

  it('blames skew between token server and repo from the Date header', () => {
    const repoBehind = response();
    repoBehind.headers.date = new Date(NOW - 90_000).toUTCString();
    const error = diagnoseRejection(facts(jwt({ iat: s, exp: s + 300, access: access(['pull', 'push']) }), { response: repoBehind }));
    expect(error.kind).toBe('repo-rejected-token');
    expect(error.message).toContain('90 s after the repo’s current time');
  });

  it('suspects a key mismatch when scope and clocks look right', () => {
    const error = diagnoseRejection(facts(jwt({ iat: s, exp: s + 300, access: access(['pull', 'push']) })));
    expect(error.kind).toBe('repo-rejected-token');
    expect(error.message).toContain('http://t:5001');
    expect(error.hint).toMatch(/different public key/);
  });

  it('says an expired static token expired', () => {
    const error = diagnoseRejection(facts(jwt({ iat: s - 900, exp: s - 600, access: access(['pull', 'push']) }), { source: { kind: 'static' } }));
    expect(error.kind).toBe('repo-rejected-token');
    expect(error.message).toMatch(/stored token: it expired/);
  });

  it('never puts the token in the message or hint', () => {
    const token = jwt({ iat: s, exp: s + 300, access: access(['pull', 'push']) });
    const error = diagnoseRejection(facts(token));
    expect(`${error.message} ${error.hint}`).not.toContain(token.split('.')[1]);
  });
});
