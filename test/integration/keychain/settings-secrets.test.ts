/**
 * Settings → Keychain and moving to a new machine, with real keychains: each child runs in a D-Bus
 * session with its own unlocked GNOME Keyring (a new home is a new machine).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox';
import { bundleFixture, CLI, makeHome, runNodeIn } from './support/child';

const SECRET = `kc-${randomBytes(12).toString('hex')}`;
const homes: string[] = [];
let fixture: string;
let sandbox: Sandbox;

beforeAll(async () => {
  fixture = bundleFixture('settings-secrets');
  sandbox = await startSandbox({ masterKey: SECRET });
});
afterAll(async () => {
  await sandbox?.close();
  for (const home of homes) rmSync(home, { recursive: true, force: true });
  rmSync(fixture, { force: true });
});

function newMachine(): { home: string; dataDir: string } {
  const home = makeHome();
  homes.push(home);
  return { home, dataDir: path.join(home, 'chartdesk') };
}

describe('the session-only switch and Forget all secrets', () => {
  it('keeps new secrets in memory while on, then forgets the vault and its keychain key', async () => {
    const { home, dataDir } = newMachine();
    const result = await runNodeIn('unlocked', home, [fixture, SECRET], { env: { CHARTDESK_HOME: dataDir }, timeoutMs: 60_000 });
    const report = JSON.parse(result.stdout.trim().split('\n').pop() as string);
    expect(report.crashed).toBeUndefined();
    expect(report.before).toMatchObject({ count: 1, sessionOnly: false, keychain: { state: 'available' } });
    expect(report.keyBeforeSet).toBe(true);
    // Switched on: the keychain is left alone, the saved secret says why it cannot be read, a new one stays in memory.
    expect(report.sessionOnly).toMatchObject({ sessionOnly: true, keychain: { state: 'session-only', detail: expect.stringMatching(/Session-only mode is on/) } });
    expect(report.savedWhileOn).toMatchObject({ ok: false, error: { kind: 'keychain', message: expect.stringMatching(/saved in the vault, but session-only mode is on/) } });
    expect(report.bWhileOnMatches).toBe(true);
    expect(report.vaultUnchanged).toBe(true);
    // Switched off: the saved secret is readable again; the count covers both.
    expect(report.afterOff).toMatchObject({ count: 2, keychain: { state: 'available' } });
    expect(report.aAfterOffMatches).toBe(true);
    // The confirmation names a count; a different count forgets nothing.
    expect(report.wrongCount).toMatchObject({ ok: false, error: { kind: 'conflict', message: expect.stringMatching(/holds 2 secrets, not 1/) } });
    expect(report.vaultBeforeForget).toContain('vault.json');
    expect(report.forgot).toMatchObject({ forgotten: 2, keychainEntryRemoved: true, message: expect.stringMatching(/Forgot 2 secrets and removed the vault key/) });
    // As on a fresh install: no vault file, no old key (a new one is made when needed), no secrets.
    expect(report.vaultAfterForget).toEqual([]);
    expect(report.keyChanged).toBe(true);
    expect(report.listed).toEqual([
      ['a', false],
      ['b', false],
    ]);
    expect(report.aAfterForget).toBeNull();
    expect(report.afterForget).toMatchObject({ count: 0 });
    expect(report.aNewMatches).toBe(true);
  });
});

describe('moving to a new machine with the CLI', () => {
  it('exports with secrets (encrypted), imports on a fresh data folder with its own keychain, and the repo connects', async () => {
    const old = newMachine();
    const fresh = newMachine();
    const file = path.join(old.home, 'move.json');
    const passphrase = 'correct horse battery staple';
    const cli = (machine: { home: string; dataDir: string }, args: string[], input?: string, env: Record<string, string> = {}) =>
      runNodeIn('unlocked', machine.home, [CLI, ...args], { env: { CHARTDESK_HOME: machine.dataDir, ...env }, ...(input !== undefined ? { input } : {}), timeoutMs: 60_000 });

    expect((await cli(old, ['repos', 'add', 'sandbox', `${sandbox.repoUrl}/org1/repo1`, '--auth', 'token-server'], SECRET)).code).toBe(0);
    const exported = await cli(old, ['repos', 'export-all', file, '--with-secrets'], undefined, { CHARTDESK_PASSPHRASE: passphrase });
    expect(exported.stderr).toBe('');
    expect(exported.stdout).toMatch(/Exported 1 repo and the settings \(1 secret, encrypted with your passphrase\)/);
    const content = readFileSync(file, 'utf8');
    for (const form of [SECRET, Buffer.from(SECRET).toString('base64'), 'org1/repo1']) expect(content).not.toContain(form);
    expect(exported.stdout + exported.stderr).not.toContain(passphrase);

    const wrong = await cli(fresh, ['repos', 'import-all', file], 'not the passphrase\n');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/passphrase failed: That passphrase does not unlock this file/);
    expect((await cli(fresh, ['repos', 'list'])).stdout).not.toMatch(/sandbox/);

    const imported = await cli(fresh, ['repos', 'import-all', file], `${passphrase}\n`);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toMatch(/add +sandbox .*\(with its secret\)/);
    expect(imported.stdout).toMatch(/Imported: 1 added, 0 replaced, 0 skipped; 1 secret stored in the keychain-backed vault/);
    const tested = await cli(fresh, ['repos', 'test', 'sandbox']);
    expect(tested.code).toBe(0);
    expect(tested.stdout).toMatch(/accepted/);

    // Importing the same file again skips the repo (same name); the secret stays as it is.
    const again = await cli(fresh, ['repos', 'import-all', file], `${passphrase}\n`);
    expect(again.stdout).toMatch(/skip +sandbox: A repo named “sandbox” exists here already/);
    expect(again.stdout).toMatch(/Imported: 0 added, 0 replaced, 1 skipped/);
  });
});
