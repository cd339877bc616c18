import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index';
import { accessFor, EXAMPLE_KEY_PEM, nowSeconds, request, signWithExampleKey, tokenFor } from './helpers';

describe('sandbox repo server: token checks like chartmuseum/auth v0.6.0', () => {
  let sb: Sandbox;
  let index: string;
  const get = (authorization: string) => request(index, { headers: { Authorization: authorization } });
  const valid = () => ({ exp: nowSeconds() + 300, iat: nowSeconds(), access: accessFor('org1/repo1', ['pull']) });

  beforeAll(async () => {
    sb = await startSandbox();
    index = `${sb.repoUrl}/org1/repo1/index.yaml`;
  });
  afterAll(() => sb.close());

  it('accepts a token sent with no scheme at all, and the scheme word in any case', async () => {
    const token = await tokenFor(sb, 'artifact-repository:org1/repo1:pull');
    expect((await get(token)).status).toBe(200);
    expect((await get(`bearer ${token}`)).status).toBe(200);
    expect((await get(`BEARER ${token}`)).status).toBe(200);
  });

  it('rejects a token whose iat is a few seconds in the future: no leeway', async () => {
    const token = await signWithExampleKey({ ...valid(), iat: nowSeconds() + 5 });
    expect((await get(`Bearer ${token}`)).status).toBe(401);
  });

  it('rejects nbf in the future and an expired token, accepts exp a few seconds ahead', async () => {
    expect((await get(`Bearer ${await signWithExampleKey({ ...valid(), nbf: nowSeconds() + 5 })}`)).status).toBe(401);
    expect((await get(`Bearer ${await signWithExampleKey({ ...valid(), exp: nowSeconds() - 1 })}`)).status).toBe(401);
    expect((await get(`Bearer ${await signWithExampleKey({ ...valid(), exp: nowSeconds() + 5 })}`)).status).toBe(200);
  });

  it('checks neither issuer nor audience', async () => {
    const token = await signWithExampleKey({ ...valid(), iss: 'somebody-else', aud: 'another-service' });
    expect((await get(`Bearer ${token}`)).status).toBe(200);
  });

  it('accepts RS384, RS512 and PS256 signatures by the trusted key', async () => {
    for (const alg of ['RS384', 'RS512', 'PS256'] as const) {
      expect((await get(`Bearer ${await signWithExampleKey(valid(), alg)}`)).status).toBe(200);
    }
  });

  it('rejects HS256 (even keyed with the public certificate), ES256 and alg none', async () => {
    const hs = await new SignJWT(valid()).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(EXAMPLE_KEY_PEM));
    expect((await get(`Bearer ${hs}`)).status).toBe(401);
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const es = await new SignJWT(valid()).setProtectedHeader({ alg: 'ES256' }).sign(privateKey);
    expect((await get(`Bearer ${es}`)).status).toBe(401);
    const none = `${Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url')}.${Buffer.from(JSON.stringify(valid())).toString('base64url')}.`;
    expect((await get(`Bearer ${none}`)).status).toBe(401);
  });

  it('rejects a token signed by another RSA key', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const token = await new SignJWT(valid()).setProtectedHeader({ alg: 'RS256', typ: 'JWT' }).sign(privateKey);
    expect((await get(`Bearer ${token}`)).status).toBe(401);
  });

  it('fails with 500 on a valid token that has no access claim', async () => {
    const token = await signWithExampleKey({ exp: nowSeconds() + 300, iat: nowSeconds() });
    const res = await get(`Bearer ${token}`);
    expect(res.status).toBe(500);
    expect(res.text).toBe('{"error":"internal server error"}');
  });

  it('needs the action in access[?name==ns && type==artifact-repository].actions', async () => {
    const wrongType = await signWithExampleKey({ ...valid(), access: [{ type: 'repository', name: 'org1/repo1', actions: ['pull'] }] });
    expect((await get(`Bearer ${wrongType}`)).status).toBe(401);
    const pushOnly = await signWithExampleKey({ ...valid(), access: accessFor('org1/repo1', ['push']) });
    expect((await get(`Bearer ${pushOnly}`)).status).toBe(401);
    const split = await signWithExampleKey({ ...valid(), access: [...accessFor('org1/repo1', ['push']), ...accessFor('org1/repo1', ['pull'])] });
    expect((await get(`Bearer ${split}`)).status).toBe(200);
  });

  it('rejects every token when the repo verifies with another key (a key mismatch on the server)', async () => {
    const token = await tokenFor(sb, 'artifact-repository:org1/repo1:pull');
    const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    sb.setOption('repoVerifyCertificatePem', publicKey.export({ type: 'spki', format: 'pem' }).toString());
    try {
      expect((await get(`Bearer ${token}`)).status).toBe(401);
    } finally {
      sb.setOption('repoVerifyCertificatePem', undefined);
    }
    expect((await get(`Bearer ${token}`)).status).toBe(200);
  });

  it('rejects tokens from a token server whose clock runs ahead (clockSkewSeconds)', async () => {
    sb.setOption('clockSkewSeconds', 30);
    try {
      const token = await tokenFor(sb, 'artifact-repository:org1/repo1:pull');
      expect((await get(`Bearer ${token}`)).status).toBe(401);
    } finally {
      sb.setOption('clockSkewSeconds', 0);
    }
  });
});
