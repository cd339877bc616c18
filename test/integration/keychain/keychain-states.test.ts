/**
 * The keychain as users meet it: unlocked, locked, no Secret Service, no session bus. Each case
 * runs the real CLI and the app's repo service in child processes under a D-Bus session of their own.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleFixture, CLI, makeHome, runNodeIn, runNodesIn, type KeyringKind } from './support/child';

const SECRET = 'locked-case-secret-7f3a9c';
let appFixture: string;
const homes: string[] = [];

beforeAll(() => {
  appFixture = bundleFixture('app-keychain');
});
afterAll(() => {
  for (const home of homes) rmSync(home, { recursive: true, force: true });
  rmSync(appFixture, { force: true });
});

function newHome(): { home: string; dataDir: string } {
  const home = makeHome();
  homes.push(home);
  return { home, dataDir: path.join(home, 'chartdesk') };
}

const cli = (kind: KeyringKind, home: string, dataDir: string, args: string[], input?: string) =>
  runNodeIn(kind, home, [CLI, ...args], { env: { CHARTDESK_HOME: dataDir }, ...(input !== undefined ? { input } : {}) });

const app = async (kind: KeyringKind, home: string, dataDir: string) => {
  const result = await runNodeIn(kind, home, [appFixture, SECRET], { env: { CHARTDESK_HOME: dataDir } });
  return JSON.parse(result.stdout.trim().split('\n').pop() as string);
};

describe('keychain states', () => {
  it('unlocked: the CLI stores a secret and a new process reads it back', async () => {
    const { home, dataDir } = newHome();
    const add = await cli('unlocked', home, dataDir, ['repos', 'add', 'basic-repo', 'https://charts.example.com/a', '--auth', 'basic', '--username', 'alice'], `${SECRET}\n`);
    expect(add.stderr).toBe('');
    expect(add.code).toBe(0);
    const report = await app('unlocked', home, dataDir);
    expect(report.status.state).toBe('available');
    expect(report.existing).toEqual([{ name: 'basic-repo', hasSecret: true, readBack: 'same' }]);
    expect(report.added).toEqual({ hasSecret: true, readBack: true });
    for (const name of readdirSync(dataDir)) expect(readFileSync(path.join(dataDir, name), 'utf8')).not.toContain(SECRET);
  });

  it('unlocked, first start: four processes storing secrets at the same moment lose none of them', async () => {
    const { home, dataDir } = newHome();
    const names = ['r0', 'r1', 'r2', 'r3'];
    const adds = names.map((name) => ({ args: [CLI, 'repos', 'add', name, `https://charts.example.com/${name}`, '--auth', 'bearer'], input: `${SECRET}-${name}` }));
    const together = await runNodesIn('unlocked', home, adds, { env: { CHARTDESK_HOME: dataDir } });
    expect(together.stderr).toBe('');
    const report = await app('unlocked', home, dataDir);
    expect(report.existing.map((e: { name: string; readBack?: string; error?: unknown }) => [e.name, e.error ?? e.readBack]).sort()).toEqual(names.map((n) => [n, 'same-with-name']));
  });

  it('locked: says the keyring is locked, stores nothing from the CLI, keeps the app’s secrets in memory only', async () => {
    const { home, dataDir } = newHome();
    await cli('unlocked', home, dataDir, ['repos', 'add', 'saved', 'https://charts.example.com/s', '--auth', 'bearer'], SECRET);
    const vaultBefore = readFileSync(path.join(dataDir, 'vault.json'), 'utf8');

    const add = await cli('locked', home, dataDir, ['repos', 'add', 'more', 'https://charts.example.com/m', '--auth', 'basic', '--username', 'bob'], SECRET);
    expect(add.code).toBe(1);
    expect(add.stderr).toMatch(/keyring is locked.*Nothing was saved/);
    const list = await cli('locked', home, dataDir, ['repos', 'list']);
    expect(list.stdout).toMatch(/saved\s+https:\/\/charts\.example\.com\/s\s+bearer\s+stored/);
    expect(list.stdout).not.toContain('more');
    expect(list.stderr).toMatch(/Keychain locked: The keyring is locked/);

    const report = await app('locked', home, dataDir);
    expect(report.status).toEqual({ state: 'locked', detail: expect.stringMatching(/locked.*memory for this session only/) });
    expect(report.existing).toEqual([{ name: 'saved', hasSecret: true, error: { kind: 'keychain', message: expect.stringMatching(/saved, but the key that unlocks it cannot be read/) } }]);
    expect(report.added).toEqual({ hasSecret: true, readBack: true });
    // The app's new repo is listed in repos.json, but its secret stayed in memory: the vault is untouched.
    expect(report.files).toEqual(['repos.json', 'repos.json.bak', 'vault.json']);
    expect(readFileSync(path.join(dataDir, 'vault.json'), 'utf8')).toBe(vaultBefore);
  });

  it.each([
    ['no-secret-service', /no Secret Service on the session bus.*apt-get install gnome-keyring libsecret-1-0/],
    ['no-bus', /no D-Bus session bus/],
  ] as const)('%s: reports the keychain missing with what to install, and falls back to session-only', async (kind, detail) => {
    const { home, dataDir } = newHome();
    const add = await cli(kind, home, dataDir, ['repos', 'add', 'r', 'https://charts.example.com/r', '--auth', 'token-server'], SECRET);
    expect(add.code).toBe(1);
    expect(add.stderr).toMatch(detail);
    expect(add.stderr).toMatch(/Nothing was saved/);
    expect(existsSync(dataDir)).toBe(false);

    const report = await app(kind, home, dataDir);
    expect(report.status).toEqual({ state: 'missing', detail: expect.stringMatching(detail) });
    expect(report.added).toEqual({ hasSecret: true, readBack: true });
    expect(report.files).toEqual(['repos.json']);
    expect(readFileSync(path.join(dataDir, 'repos.json'), 'utf8')).not.toContain(SECRET);
  });
});
