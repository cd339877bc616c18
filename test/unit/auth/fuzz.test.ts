import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChallenges } from '../../../electron/core/auth/challenge';
import { parseScopes } from '../../../electron/core/auth/scope';
import { ChartDeskError } from '../../../electron/core/errors';
import { decodeJwt } from '../../../electron/core/jwt/decode';

/** Runs `fn`; a typed ChartDeskError is fine, anything else fails the property. */
function typedOnly(fn: () => unknown): boolean {
  try {
    fn();
    return true;
  } catch (error) {
    return error instanceof ChartDeskError;
  }
}

const pieces = ['Bearer', 'Basic', ' ', ',', '=', '"', '\\', 'realm', 'scope', 'service', 'a:b:c', ':', 'http://x/y', '\t', 'error', '==', '\u0000', 'é', '__proto__'];
const hostile = fc.array(fc.constantFrom(...pieces), { maxLength: 80 }).map((parts) => parts.join(''));
const b64 = (text: string) => Buffer.from(text).toString('base64url');

describe('fuzzing the challenge parser', () => {
  it('gives challenges or a typed error for random text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => typedOnly(() => parseChallenges(text))), { numRuns: 3000 });
  });

  it('gives challenges or a typed error for hostile token soup, across several lines', () => {
    fc.assert(fc.property(fc.array(hostile, { minLength: 1, maxLength: 3 }), (lines) => typedOnly(() => parseChallenges(lines))), { numRuns: 3000 });
  });

  it('parses every well-formed challenge back to its values', () => {
    const value = fc.string({ maxLength: 30 }).filter((v) => ![...v].some((c) => c < ' ' || c === '\u007f'));
    fc.assert(
      fc.property(value, value, (realm, scope) => {
        const quote = (v: string) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
        const [c] = parseChallenges(`Bearer realm=${quote(realm)}, scope=${quote(scope)}`);
        return c?.params.realm === realm && c.params.scope === scope;
      }),
      { numRuns: 2000 },
    );
  });

  it('finishes on the largest pathological inputs it accepts (quotes, commas, backslashes)', () => {
    for (const unit of ['",', '"a",b"', '\\', ',"x', ' a', 'a=', '"']) {
      const text = `Bearer realm="${unit.repeat(Math.floor(16_000 / unit.length))}`;
      expect(typedOnly(() => parseChallenges(text))).toBe(true);
    }
  });
});

describe('fuzzing the scope parser', () => {
  it('gives scopes or a typed error for random and hostile text', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), hostile), (text) => typedOnly(() => parseScopes(text))), { numRuns: 3000 });
  });

  it('keeps names with colons intact', () => {
    const part = fc.stringMatching(/^[a-z0-9./-]{1,12}$/);
    fc.assert(
      fc.property(part, fc.array(part, { minLength: 1, maxLength: 3 }), fc.array(fc.constantFrom('pull', 'push', '*'), { minLength: 1, maxLength: 3 }), (type, nameParts, actions) => {
        const name = nameParts.join(':');
        const [scope] = parseScopes(`${type}:${name}:${actions.join(',')}`);
        return scope?.type === type && scope.name === name && scope.actions.join(',') === actions.join(',');
      }),
      { numRuns: 1000 },
    );
  });
});

describe('fuzzing the JWT decoder', () => {
  it('decodes or gives a typed error for random text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => typedOnly(() => decodeJwt(text))), { numRuns: 3000 });
  });

  it('decodes or gives a typed error for three parts of random base64url JSON-ish content', () => {
    const jsonish = fc.oneof(fc.json(), fc.string({ maxLength: 50 }), fc.constantFrom('{"alg":"none"}', '{}', '[]', 'null', '{"exp":"soon"}', '{"access":7}'));
    fc.assert(
      fc.property(jsonish, jsonish, fc.string({ maxLength: 20 }), (header, claims, sig) =>
        typedOnly(() => {
          const decoded = decodeJwt(`${b64(header)}.${b64(claims)}.${b64(sig)}`);
          if (!Array.isArray(decoded.access)) throw new Error('access must be a table');
        }),
      ),
      { numRuns: 3000 },
    );
  });

  it('rejects an enormous input with a typed error', () => {
    expect(typedOnly(() => decodeJwt(`${'eyJ'.repeat(50_000)}.x.y`))).toBe(true);
  });
});
