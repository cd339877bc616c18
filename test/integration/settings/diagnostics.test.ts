/** About → Copy diagnostics: the report says what a bug report needs and holds no secret, token, user name or URL query. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app-core';
import { bootCore } from '../../../electron/core/boot';
import { silentLogger } from '../../../electron/core/log';
import { startSandbox, type Sandbox } from '../../sandbox';
import { DIST } from '../../support/paths';

const SECRET = `diag-${randomBytes(12).toString('hex')}`;
const PASSWORD = `pw-${randomBytes(8).toString('hex')}`;
const PROXY_PASSWORD = `proxy-${randomBytes(8).toString('hex')}`;
let sandbox: Sandbox;
let dir: string;
let core: Core;

const call = async <T>(name: string, args: unknown): Promise<T> => {
  const answer = await core.dispatcher.call(name, args);
  if (!answer.ok) throw new Error(`${name}: ${answer.error.message}`);
  return answer.value as T;
};

beforeAll(async () => {
  sandbox = await startSandbox({ masterKey: SECRET });
  dir = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-diag-'));
  const env = { CHARTDESK_KEYCHAIN: 'off', HTTPS_PROXY: `http://bob:${PROXY_PASSWORD}@proxy.invalid:3128`, NO_PROXY: '*' };
  core = await bootCore({ transport: 'browser', dataDir: path.join(dir, 'data'), log: silentLogger, env, homeDir: dir, indexWorkerPath: path.join(DIST, 'index-worker.cjs') });
});
afterAll(async () => {
  await core.context.flow.close();
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the diagnostics report', () => {
  it('names versions, settings, keychain state, repos and caches, and no secret or token', async () => {
    const cm = await call<{ id: string }>('addRepo', { name: 'sandbox', url: `${sandbox.repoUrl}/org1/repo1`, auth: { mode: 'token-server', dialect: 'auto' }, secret: SECRET });
    await call('addRepo', { name: 'basic', url: 'https://charts.example.com/x?access_token=query-secret-123', auth: { mode: 'basic', username: 'alice-diagnostics', dialect: 'auto' }, secret: PASSWORD });
    const connected = await call<{ ok: boolean }>('connectRepo', { repoId: cm.id, scope: 'pull', fresh: true });
    expect(connected.ok).toBe(true);
    const { token } = await call<{ token: string }>('revealToken', { repoId: cm.id, scope: 'pull' });
    expect(token.length).toBeGreaterThan(40);
    await call('openIndex', { repoId: cm.id });
    await call('updateSettings', { theme: 'dark', responseTimeoutSeconds: 20 });

    const { text } = await call<{ text: string }>('diagnostics', { userAgent: 'Mozilla/5.0 TestBrowser/1.0' });
    expect(text).toMatch(/^ChartDesk diagnostics/);
    expect(text).toContain(`Runtime: browser mode on Node ${process.versions.node}`);
    expect(text).toContain('Browser: Mozilla/5.0 TestBrowser/1.0');
    expect(text).toContain(`Data folder: ${path.join(dir, 'data')}`);
    expect(text).toMatch(/Keychain: session-only/);
    expect(text).toContain('Secrets stored: 2');
    expect(text).toContain('theme: dark');
    expect(text).toContain('response 20 s');
    expect(text).toContain('proxy: from the environment (a proxy variable is set)');
    expect(text).toContain(`${sandbox.repoUrl}/org1/repo1 · token-server (dialect auto) · secret stored`);
    expect(text).toContain('https://charts.example.com/x · basic · secret stored');
    expect(text).toMatch(/Offline index copies: 2 files/);
    const forbidden = [SECRET, PASSWORD, PROXY_PASSWORD, token, token.split('.')[1] ?? token, 'alice-diagnostics', 'query-secret-123', 'access_token', Buffer.from(SECRET).toString('base64')];
    for (const value of forbidden) expect(text).not.toContain(value);
  });

  it('About lists the versions and the data folder; Open folder is for the desktop app only', async () => {
    expect(await call('aboutApp', {})).toMatchObject({ name: 'ChartDesk', transport: 'browser', versions: { node: process.versions.node }, dataDir: path.join(dir, 'data'), settingsFile: path.join(dir, 'data', 'settings.json'), canOpenFolder: false });
    const answer = await core.dispatcher.call('openDataFolder', {});
    expect(answer).toMatchObject({ ok: false, error: { kind: 'bad-request', message: 'The browser mode cannot open folders on this machine.' } });
  });
});
