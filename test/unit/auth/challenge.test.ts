import { describe, expect, it } from 'vitest';
import { parseChallenges } from '../../../electron/core/auth/challenge';
import { ChartDeskError } from '../../../electron/core/errors';

function kindOf(fn: () => unknown): string {
  try {
    fn();
    return 'no error';
  } catch (error) {
    return error instanceof ChartDeskError ? error.kind : `untyped ${String(error)}`;
  }
}

describe('parseChallenges', () => {
  it('reads ChartMuseum’s exact challenge', () => {
    const [c] = parseChallenges('Bearer realm="http://localhost:5001/oauth/token",service="localhost:5001",scope="artifact-repository:org1/repo1:pull"');
    expect(c?.scheme).toBe('bearer');
    expect({ ...c?.params }).toEqual({ realm: 'http://localhost:5001/oauth/token', service: 'localhost:5001', scope: 'artifact-repository:org1/repo1:pull' });
  });

  it('lower-cases scheme and parameter names but keeps values', () => {
    const [c] = parseChallenges('BEARER Realm="https://Auth.Example/Token",SERVICE=Registry');
    expect(c?.scheme).toBe('bearer');
    expect({ ...c?.params }).toEqual({ realm: 'https://Auth.Example/Token', service: 'Registry' });
  });

  it('unescapes quoted strings (distribution’s test vector)', () => {
    const [c] = parseChallenges('Bearer slashed="he\\"\\l\\lo"');
    expect(c?.params.slashed).toBe('he"llo');
  });

  it('keeps ChartMuseum’s unescaped quotes inside a value', () => {
    const [c] = parseChallenges('Bearer realm="http://x/t",service="a"b",scope="artifact-repository:org"1/repo:pull"');
    expect(c?.params.service).toBe('a"b');
    expect(c?.params.scope).toBe('artifact-repository:org"1/repo:pull');
  });

  it('reads Docker distribution’s challenge with error and several scopes', () => {
    const [c] = parseChallenges('Bearer realm="https://auth.example/token",service="registry.example",scope="repository:a/b:pull repository:c/d:pull,push",error="insufficient_scope"');
    expect(c?.params.scope).toBe('repository:a/b:pull repository:c/d:pull,push');
    expect(c?.params.error).toBe('insufficient_scope');
  });

  it('reads several challenges in one line and across lines', () => {
    const list = parseChallenges(['Basic realm="ChartMuseum", Negotiate abc==', 'Bearer realm="http://t/x"']);
    expect(list.map((c) => c.scheme)).toEqual(['basic', 'negotiate', 'bearer']);
    expect(list[1]?.token68).toBe('abc==');
    expect(list[2]?.params.realm).toBe('http://t/x');
  });

  it('accepts unquoted values and a scheme without parameters', () => {
    const list = parseChallenges('Bearer realm=http://t/x,service=svc, Basic');
    expect(list[0]?.params).toMatchObject({ realm: 'http://t/x', service: 'svc' });
    expect(list[1]?.scheme).toBe('basic');
  });

  it('keeps the first of repeated parameters and ignores __proto__ tricks', () => {
    const [c] = parseChallenges('Bearer realm="a",realm="b",__proto__="x"');
    expect(c?.params.realm).toBe('a');
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it.each([
    ['an empty header', ''],
    ['only commas', ' , ,'],
    ['an unterminated quote', 'Bearer realm="http://t'],
    ['a parameter before a scheme', 'realm="x"'],
    ['a control character', 'Bearer realm="a\u0001b"'],
    ['a stray character', 'Bearer @realm="x"'],
    ['a huge header', `Bearer realm="${'a'.repeat(20_000)}"`],
  ])('rejects %s with challenge-malformed', (_name, header) => {
    expect(kindOf(() => parseChallenges(header))).toBe('challenge-malformed');
  });

  it('rejects a missing header', () => {
    expect(kindOf(() => parseChallenges(undefined))).toBe('challenge-malformed');
  });
});
