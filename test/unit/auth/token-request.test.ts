import { afterAll, describe, expect, it } from 'vitest';
import { buildTokenRequest, requestToken, type TokenAsk } from '../../../electron/core/auth/token-request';
import { parseScopes } from '../../../electron/core/auth/scope';
import { createHttpClient } from '../../../electron/core/http/client';
import { createTrace } from '../../../electron/core/http/trace';
import { ChartDeskError } from '../../../electron/core/errors';
import { startHttp } from '../http/servers';

const ask = (over: Partial<TokenAsk> = {}): TokenAsk => ({
  realm: 'http://auth.test:5001/oauth/token',
  service: 'auth.test:5001',
  scopes: parseScopes('artifact-repository:org1/repo1:pull,push repository:h:1/x:pull'),
  dialect: 'auto',
  credentials: { secret: 'MASTERKEY', username: 'alice' },
  ...over,
});

describe('buildTokenRequest', () => {
  it('A: POST with grant_type and scope in the query string, the key as Bearer, no body', () => {
    const req = buildTokenRequest('A', ask());
    expect(req.method).toBe('POST');
    expect(req.url).toBe('http://auth.test:5001/oauth/token?grant_type=client_credentials&scope=artifact-repository:org1/repo1:pull,push%20repository:h:1/x:pull');
    expect(req.headers?.authorization).toBe('Bearer MASTERKEY');
    expect(req.body).toBeUndefined();
  });

  it('B: GET with service and one scope parameter per resource, Basic credentials', () => {
    const req = buildTokenRequest('B', ask());
    expect(req.method).toBe('GET');
    expect(req.url).toBe('http://auth.test:5001/oauth/token?service=auth.test:5001&scope=artifact-repository:org1/repo1:pull,push&scope=repository:h:1/x:pull');
    expect(req.headers?.authorization).toBe(`Basic ${Buffer.from('alice:MASTERKEY').toString('base64')}`);
  });

  it('C: POST form with password grant, service, space-separated scope and client_id', () => {
    const req = buildTokenRequest('C', ask({ clientId: 'my-client' }));
    expect(req.headers?.['content-type']).toBe('application/x-www-form-urlencoded');
    const form = new URLSearchParams(String(req.body));
    expect(Object.fromEntries(form)).toEqual({
      grant_type: 'password',
      username: 'alice',
      password: 'MASTERKEY',
      client_id: 'my-client',
      service: 'auth.test:5001',
      scope: 'artifact-repository:org1/repo1:pull,push repository:h:1/x:pull',
    });
    expect(req.url).toBe('http://auth.test:5001/oauth/token');
  });
});

describe('requestToken against a loopback token server', () => {
  const http = createHttpClient({ userAgent: 'ChartDesk/test', env: {} });
  afterAll(() => http.close());

  it('keeps the server’s 400 reason, unless it echoes the secret', async () => {
    const server = await startHttp((req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: req.headers.authorization?.includes('ECHO') ? `bad key ${req.headers.authorization}` : 'scope is missing or invalid' }));
    });
    try {
      const plain = await requestToken(http, createTrace(), ask({ realm: `${server.origin}/oauth/token`, dialect: 'A' }), Date.now).catch((e: unknown) => e);
      expect(plain).toBeInstanceOf(ChartDeskError);
      expect((plain as ChartDeskError).message).toContain('scope is missing or invalid');
      const echo = await requestToken(http, createTrace(), ask({ realm: `${server.origin}/oauth/token`, dialect: 'A', credentials: { secret: 'ECHO-SECRET-77' } }), Date.now).catch((e: unknown) => e);
      expect((echo as ChartDeskError).kind).toBe('token-server-rejected');
      expect((echo as ChartDeskError).message).not.toContain('ECHO-SECRET-77');
    } finally {
      await server.close();
    }
  });

  it('says the token server is broken on 5xx and on a 200 without a token', async () => {
    let status = 503;
    const server = await startHttp((_req, res) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end('{"expires_in":300}');
    });
    try {
      const down = (await requestToken(http, createTrace(), ask({ realm: `${server.origin}/t`, dialect: 'A' }), Date.now).catch((e: unknown) => e)) as ChartDeskError;
      expect([down.kind, down.step]).toEqual(['http', 'token']);
      status = 200;
      const empty = (await requestToken(http, createTrace(), ask({ realm: `${server.origin}/t`, dialect: 'A' }), Date.now).catch((e: unknown) => e)) as ChartDeskError;
      expect(empty.message).toMatch(/without a token/);
    } finally {
      await server.close();
    }
  });
});
