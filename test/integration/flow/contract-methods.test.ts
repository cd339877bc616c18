/** The auth contract methods through the real core (repo store with a session-only vault) and the sandbox. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPublicKey } from 'node:crypto';
import { exportJWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../../electron/core/app-core';
import { bootCore } from '../../../electron/core/boot';
import { silentLogger } from '../../../electron/core/log';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { SHARED_DATA } from '../../support/paths';
import { startHttp, type TestServer } from '../../unit/http/servers';

const CERT = readFileSync(path.join(SHARED_DATA, 'auth', 'chartmuseum-example-server.pem'), 'utf8');

let sb: RunningSandbox;
let core: Core;
let dir: string;
let jwks: TestServer;
const events: Array<{ name: string; payload: unknown }> = [];
const warnings: Array<{ message: string; fields: Record<string, unknown> | undefined }> = [];

async function call<T = Record<string, unknown>>(name: string, args: unknown): Promise<T> {
  const envelope = await core.dispatcher.call(name, args);
  if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), envelope.error);
  return envelope.value as T;
}

beforeAll(async () => {
  sb = await startSandbox();
  dir = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-auth-methods-'));
  const log = { ...silentLogger, warn: (message: string, fields?: Record<string, unknown>) => void warnings.push({ message, fields }) };
  core = await bootCore({ transport: 'browser', dataDir: path.join(dir, 'data'), log, env: { CHARTDESK_KEYCHAIN: 'off' }, homeDir: dir });
  core.context.events.subscribe((name, payload) => events.push({ name, payload }));
  const jwk = await exportJWK(createPublicKey(CERT));
  jwks = await startHttp((_req, res) => res.end(JSON.stringify({ keys: [{ ...jwk, alg: 'RS256', use: 'sig' }] })));
});
afterAll(async () => {
  await core.context.flow.close();
  await jwks.close();
  await sb.close();
  rmSync(dir, { recursive: true, force: true });
});

async function addRepo(name: string, secret: string, auth: Record<string, unknown> = { mode: 'token-server' }): Promise<string> {
  const repo = await call<{ id: string }>('addRepo', { name, url: `${sb.repoUrl}/org1/repo1`, auth, secret });
  return repo.id;
}

describe('auth contract methods', () => {
  it('connectRepo runs the flow and returns the redacted trace and a masked token', async () => {
    const repoId = await addRepo('org1', 'MASTERKEY');
    const result = await call<{ ok: boolean; status: number; trace: Array<{ step: string }>; token: { masked: string; access: unknown; dialect: string } }>('connectRepo', { repoId });
    expect(result.ok).toBe(true);
    expect(result.status).toBe(200);
    expect(result.trace.filter((e) => e.step !== 'challenge' || true).map((e) => e.step)).toContain('retry');
    expect(result.token.masked).toMatch(/^eyJh….{4}$/);
    expect(result.token.access).toEqual([{ type: 'artifact-repository', name: 'org1/repo1', actions: ['pull'] }]);
    expect(JSON.stringify(result)).not.toContain('MASTERKEY');
    expect(events.some((e) => e.name === 'tokenUpdated')).toBe(true);
  });

  it('connectRepo reports a failure with the step, the reason and the trace so far', async () => {
    const repoId = await addRepo('wrong', 'NOT-THE-KEY');
    const result = await call<{ ok: boolean; error: { kind: string; step: string }; trace: unknown[] }>('connectRepo', { repoId });
    expect(result.ok).toBe(false);
    expect(result.error).toMatchObject({ kind: 'token-server-rejected', step: 'token' });
    expect(result.trace.length).toBeGreaterThan(1);
    expect(JSON.stringify(result)).not.toContain('NOT-THE-KEY');
  });

  it('getToken gives a masked view; revealToken the raw token, which verifies', async () => {
    const repoId = await addRepo('tokens', 'MASTERKEY');
    const view = await call<{ masked: string; scope: string; expiresAt: number; realm: string }>('getToken', { repoId, scope: 'push' });
    expect(view.scope).toBe('artifact-repository:org1/repo1:pull,push');
    expect(view.realm).toBe(sb.tokenUrl);
    const { token } = await call<{ token: string }>('revealToken', { repoId, scope: 'push' });
    expect(token.startsWith(view.masked.slice(0, 4))).toBe(true);
    expect(token.endsWith(view.masked.slice(-4))).toBe(true);
    const verified = await call<{ verified: boolean }>('verifyJwt', { jwt: token, keyPem: CERT });
    expect(verified.verified).toBe(true);
    const viaJwks = await call<{ verified: boolean }>('verifyJwt', { jwt: token, jwksUrl: `${jwks.origin}/jwks.json` });
    expect(viaJwks.verified).toBe(true);
  });

  it('decodeJwt decodes and verifyJwt explains an expired README token', async () => {
    const line = readFileSync(path.join(SHARED_DATA, 'auth', 'readme-tokens.txt'), 'utf8').split('\n').find((l) => l.includes('eyJ')) ?? '';
    const jwt = line.slice(line.lastIndexOf(' ') + 1);
    const decoded = await call<{ expired: boolean; access: unknown[] }>('decodeJwt', { jwt });
    expect(decoded.expired).toBe(true);
    const result = await call<{ verified: boolean; code: string }>('verifyJwt', { jwt, keyPem: CERT });
    expect(result).toMatchObject({ verified: false, code: 'expired' });
    await expect(call('decodeJwt', { jwt: 'not a jwt' })).rejects.toMatchObject({ kind: 'bad-request' });
  });

  it('approveRealm stores the origin, and a realm elsewhere then stops with realm-mismatch', async () => {
    const repoId = await addRepo('approved', 'MASTERKEY');
    const approved = await call<{ origin: string }>('approveRealm', { repoId, origin: 'http://auth.example.test/token' });
    expect(approved.origin).toBe('http://auth.example.test');
    const result = await call<{ ok: boolean; error: { kind: string; message: string } }>('connectRepo', { repoId });
    expect(result.error.kind).toBe('realm-mismatch');
    await call('approveRealm', { repoId, origin: sb.tokenUrl });
    expect((await call<{ ok: boolean }>('connectRepo', { repoId })).ok).toBe(true);
  });

  it('setTokenRefresh starts and stops keeping a token fresh', async () => {
    const repoId = await addRepo('refresh', 'MASTERKEY');
    expect(await call('setTokenRefresh', { repoId, enabled: true })).toEqual({ enabled: true });
    expect(await call('setTokenRefresh', { repoId, enabled: false })).toEqual({ enabled: false });
  });

  it('a running token refresh follows an edit of the repo (here: a token server no longer approved)', async () => {
    const repoId = await addRepo('refresh-edit', 'MASTERKEY');
    await call('setTokenRefresh', { repoId, enabled: true });
    await call('approveRealm', { repoId, origin: 'http://auth.example.test/token' });
    await vi.waitFor(() => expect(warnings.some((w) => w.message === 'token refresh failed' && w.fields?.repoId === repoId && String(w.fields.error).includes('auth.example.test'))).toBe(true), { timeout: 5000 });
    await call('setTokenRefresh', { repoId, enabled: false });
    expect(JSON.stringify(warnings)).not.toContain('MASTERKEY');
  });
});
