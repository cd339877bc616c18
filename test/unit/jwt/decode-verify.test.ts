import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SignJWT, exportJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { decodeJwt } from '../../../electron/core/jwt/decode';
import { verifyJwt } from '../../../electron/core/jwt/verify';
import { ChartDeskError } from '../../../electron/core/errors';
import { SHARED_DATA } from '../../support/paths';

const AUTH = path.join(SHARED_DATA, 'auth');
const readmeTokens = readFileSync(path.join(AUTH, 'readme-tokens.txt'), 'utf8')
  .split('\n')
  .filter((line) => !line.startsWith('#') && line.includes(': '))
  .map((line) => line.slice(line.lastIndexOf(': ') + 2).trim());
const certPem = readFileSync(path.join(AUTH, 'chartmuseum-example-server.pem'), 'utf8');
const privateKey = createPrivateKey(readFileSync(path.join(AUTH, 'chartmuseum-example-server.key')));

async function sign(claims: Record<string, unknown>, alg = 'RS256', key: Parameters<SignJWT['sign']>[0] = privateKey): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg, typ: 'JWT' }).sign(key);
}

describe('decodeJwt', () => {
  it('decodes the README tokens: header, access table, times and expiry', () => {
    expect(readmeTokens.length).toBe(3);
    const decoded = decodeJwt(readmeTokens[2] ?? '');
    expect(decoded.header).toEqual({ alg: 'RS256', typ: 'JWT' });
    expect(decoded.access).toEqual([{ type: 'artifact-repository', name: 'org1/repo1', actions: ['pull'] }]);
    expect(decoded.issuedAt).toBe(1543995470_000);
    expect(decoded.expiresAt).toBe(1543995770_000);
    expect(decoded.expired).toBe(true);
  });

  it('reports a token that still lives as not expired and accepts a Bearer prefix', async () => {
    const now = Math.floor(Date.now() / 1000);
    const jwt = await sign({ iat: now, exp: now + 300, access: [] });
    const decoded = decodeJwt(`  Bearer ${jwt}\n`);
    expect(decoded.expired).toBe(false);
    expect(decoded.expiresAt).toBe((now + 300) * 1000);
  });

  it.each([
    ['empty input', ''],
    ['two parts', 'eyJhbGciOiJIUzI1NiJ9.eyJ4IjoxfQ'],
    ['a header that is not JSON', 'bm90IGpzb24.eyJ4IjoxfQ.c2ln'],
    ['claims that are an array', 'eyJhbGciOiJIUzI1NiJ9.WzFd.c2ln'],
    ['spaces inside', 'eyJhbGciOiJIUzI1NiJ9 .eyJ4IjoxfQ.c2ln'],
  ])('rejects %s with a typed error', (_name, input) => {
    expect(() => decodeJwt(input)).toThrow(ChartDeskError);
  });
});

describe('verifyJwt', () => {
  it('verifies the README tokens against the example certificate and says they expired', async () => {
    for (const token of readmeTokens) {
      const result = await verifyJwt(token, { pem: certPem });
      expect(result).toMatchObject({ verified: false, code: 'expired' });
      expect(result.reason).toMatch(/signature is valid/);
    }
  });

  it('verifies a fresh token with the certificate, the SPKI public key and a JWKS', async () => {
    const now = Math.floor(Date.now() / 1000);
    const jwt = await sign({ iat: now, exp: now + 300 });
    const publicKeyPem = createPublicKey(privateKey).export({ format: 'pem', type: 'spki' }).toString();
    expect(await verifyJwt(jwt, { pem: certPem })).toEqual({ verified: true });
    expect(await verifyJwt(jwt, { pem: publicKeyPem })).toEqual({ verified: true });
    const jwk = await exportJWK(createPublicKey(privateKey));
    expect(await verifyJwt(jwt, { jwks: { keys: [{ ...jwk, alg: 'RS256', use: 'sig' }] } })).toEqual({ verified: true });
  });

  it('says bad-signature for a token signed by another key', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const now = Math.floor(Date.now() / 1000);
    const jwt = await sign({ iat: now, exp: now + 300 }, 'RS256', other);
    expect(await verifyJwt(jwt, { pem: certPem })).toMatchObject({ verified: false, code: 'bad-signature' });
  });

  it('says wrong-alg for HS256 and alg none, and not-yet-valid for a future iat', async () => {
    const now = Math.floor(Date.now() / 1000);
    const hs = await sign({ iat: now, exp: now + 300 }, 'HS256', new TextEncoder().encode('x'.repeat(32)));
    expect(await verifyJwt(hs, { pem: certPem })).toMatchObject({ verified: false, code: 'wrong-alg' });
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{}').toString('base64url')}.`;
    expect(await verifyJwt(none, { pem: certPem })).toMatchObject({ verified: false, code: 'wrong-alg' });
    const future = await sign({ iat: now + 120, exp: now + 400 });
    expect(await verifyJwt(future, { pem: certPem })).toMatchObject({ verified: false, code: 'not-yet-valid' });
  });

  it('says bad-key for a PEM that is not a key, and no-matching-key for an unrelated JWKS', async () => {
    const now = Math.floor(Date.now() / 1000);
    const jwt = await sign({ iat: now, exp: now + 300 });
    expect(await verifyJwt(jwt, { pem: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n' })).toMatchObject({ verified: false, code: 'bad-key' });
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
    expect(await verifyJwt(jwt, { jwks: { keys: [{ ...(await exportJWK(ec)), alg: 'ES256' }] } })).toMatchObject({ verified: false, code: 'no-matching-key' });
  });
});
