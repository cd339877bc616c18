/**
 * docker-credential-chartdesk, end to end: skopeo (a real OCI client) reads a login that lives
 * only in ChartDesk's vault from an htpasswd-protected Docker distribution, through an auth.json
 * that `chartdesk repos use-helper` pointed at the helper and a launcher `repos install-helper`
 * put on the PATH; the helper's answers and exit codes as the protocol has them; and a locked or
 * missing keychain answered with the protocol's one line, not a hang.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSettingsStore } from '../../../electron/core/settings/settings-store';
import { helmPush } from '../../sandbox/helm-oci-push';
import type { RunningRegistry } from '../../sandbox/registry-process';
import { DIST } from '../../support/paths';
import { runChartdesk } from '../../support/run-cli';
import { makeHome, runNodeIn } from '../keychain/support/child';
import { run, testChart } from './oci-support';
import { basicRegistry } from './registry-fixtures';

const PASSWORD = 'vault-only-pw-4d1c';
const HELPER = path.join(DIST, 'credential-helper.cjs');

let reg: RunningRegistry;
let host: string;
let home: string;
let bin: string;
let env: NodeJS.ProcessEnv;

const b64 = (text: string) => Buffer.from(text).toString('base64');
const chartdesk = (args: string[], stdin = '') => runChartdesk(args, { env, stdin });
/** The helper as tools run it: `docker-credential-chartdesk <action>` found on the PATH. */
const helper = (action: string, stdin = '') => run('docker-credential-chartdesk', [action], { env, stdin });
const skopeo = (args: string[], authfile: string) => run('skopeo', [...args, '--authfile', authfile], { env });

beforeAll(async () => {
  reg = await basicRegistry({ alice: PASSWORD });
  host = new URL(reg.url).host;
  await helmPush(reg.url, 'apps', testChart('viahelper', '1.0.0'), async () => `Basic ${b64(`alice:${PASSWORD}`)}`);
  home = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-credhelper-'));
  bin = path.join(home, 'bin');
  // The test runner's D-Bus session and its unlocked gnome-keyring (npm test starts them) hold the vault's key.
  env = {
    PATH: `${bin}:${process.env.PATH ?? ''}`,
    HOME: home,
    CHARTDESK_HOME: path.join(home, 'chartdesk'),
    XDG_RUNTIME_DIR: path.join(home, 'run'),
    ...(process.env.DBUS_SESSION_BUS_ADDRESS ? { DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS } : {}),
  };
  mkdirSync(path.join(home, 'run'), { recursive: true });
  const added = await chartdesk(['repos', 'add', 'reg', `oci://${host}/apps`, '--auth', 'basic', '--username', 'alice'], PASSWORD);
  expect(added.code, `adding needs the test keyring session (npm test runs one): ${added.stderr}`).toBe(0);
}, 60_000);
afterAll(async () => {
  await reg?.close();
  rmSync(home, { recursive: true, force: true });
});

describe('skopeo through docker-credential-chartdesk', () => {
  it('pulls from an htpasswd registry with a password only ChartDesk’s vault holds', async () => {
    const authfile = path.join(home, 'auth.json');
    writeFileSync(authfile, JSON.stringify({ auths: {} }));
    const denied = await skopeo(['inspect', '--raw', '--tls-verify=false', `docker://${host}/apps/viahelper:1.0.0`], authfile);
    expect(denied.code).not.toBe(0);
    expect(denied.stderr).toMatch(/authentication required|unauthorized/i);

    const installed = await chartdesk(['repos', 'install-helper', '--dir', bin]);
    expect(installed.code, installed.stderr).toBe(0);
    expect(installed.stdout).toContain(`Installed ${path.join(bin, 'docker-credential-chartdesk')}.`);
    const used = await chartdesk(['repos', 'use-helper', 'reg', '--config', authfile]);
    expect(used.code, used.stderr).toBe(0);
    expect(used.stdout).toContain(`${authfile} now sends ${host} to ChartDesk’s keychain`);
    expect(JSON.parse(readFileSync(authfile, 'utf8'))).toEqual({ auths: {}, credHelpers: { [host]: 'chartdesk' } });
    expect(readFileSync(`${authfile}.chartdesk-backup`, 'utf8')).toBe(JSON.stringify({ auths: {} }));

    const manifest = await skopeo(['inspect', '--raw', '--tls-verify=false', `docker://${host}/apps/viahelper:1.0.0`], authfile);
    expect(manifest.code, manifest.stderr).toBe(0);
    expect(JSON.parse(manifest.stdout).config.mediaType).toBe('application/vnd.cncf.helm.config.v1+json');
    const tags = await skopeo(['list-tags', '--tls-verify=false', `docker://${host}/apps/viahelper`], authfile);
    expect(JSON.parse(tags.stdout).Tags).toEqual(['1.0.0']);
    const out = path.join(home, 'copied');
    const copied = await skopeo(['copy', '--src-tls-verify=false', `docker://${host}/apps/viahelper:1.0.0`, `dir:${out}`], authfile);
    expect(copied.code, copied.stderr).toBe(0);
    expect(existsSync(path.join(out, 'manifest.json'))).toBe(true);
    // Nothing on disk holds the password: not the auth file, not ChartDesk's data folder.
    expect(readFileSync(authfile, 'utf8')).not.toContain(PASSWORD);
    for (const name of ['repos.json', 'vault.json']) expect(readFileSync(path.join(env.CHARTDESK_HOME as string, name), 'utf8')).not.toContain(PASSWORD);

    const undone = await chartdesk(['repos', 'use-helper', 'reg', '--config', authfile, '--undo']);
    expect(undone.code, undone.stderr).toBe(0);
    expect(JSON.parse(readFileSync(authfile, 'utf8'))).toEqual({ auths: {} });
    expect((await skopeo(['inspect', '--raw', '--tls-verify=false', `docker://${host}/apps/viahelper:1.0.0`], authfile)).code).not.toBe(0);
  });
});

describe('the helper protocol', () => {
  it('get, list and version answer as docker-credential-helpers do; unknown servers get “credentials not found”', async () => {
    const got = await helper('get', `${host}\n`);
    expect(got.code, got.stdout).toBe(0);
    expect(JSON.parse(got.stdout)).toEqual({ ServerURL: host, Username: 'alice', Secret: PASSWORD });
    expect(JSON.parse((await helper('get', `https://${host}/v2/`)).stdout).Secret).toBe(PASSWORD);
    expect(JSON.parse((await helper('list')).stdout)).toEqual({ [host]: 'alice' });
    expect(await helper('get', 'registry.example.com')).toEqual({ code: 1, stdout: 'credentials not found in native keychain\n', stderr: '' });
    expect(await helper('get', '')).toEqual({ code: 1, stdout: 'no credentials server URL\n', stderr: '' });
    expect((await helper('version')).stdout).toMatch(/^docker-credential-chartdesk \(ChartDesk\) \d+\.\d+\.\d+\n$/);
    const unknown = await helper('delete');
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe('Unknown credential action `delete`\n');
  });

  it('store and erase only when Settings allow them, then store a login other tools give it', async () => {
    const login = JSON.stringify({ ServerURL: 'https://other.example.com', Username: 'bob', Secret: 'bobs-pw' });
    const refused = await helper('store', login);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/saving them from other tools is turned off.*Settings → Keychain/);
    expect((await helper('erase', host)).code).toBe(1);
    expect((await helper('get', host)).code).toBe(0);

    const settings = createSettingsStore({ dataDir: env.CHARTDESK_HOME as string, notify: () => undefined });
    await settings.load();
    await settings.update({ credentialHelperWrites: true });
    expect((await helper('store', JSON.stringify({ ServerURL: 'other.example.com', Username: '' }))).stdout).toBe('no credentials username\n');
    expect(await helper('store', login)).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(JSON.parse((await helper('get', 'other.example.com')).stdout)).toEqual({ ServerURL: 'other.example.com', Username: 'bob', Secret: 'bobs-pw' });
    const listed = await chartdesk(['repos', 'list']);
    expect(listed.stdout).toMatch(/other\.example\.com\s+oci:\/\/other\.example\.com\s+basic \(bob\)\s+stored/);
    const token = JSON.stringify({ ServerURL: 'other.example.com', Username: '<token>', Secret: 'refresh-token-1' });
    expect((await helper('store', token)).code).toBe(0);
    expect(JSON.parse((await helper('get', 'other.example.com')).stdout)).toMatchObject({ Username: '<token>', Secret: 'refresh-token-1' });
    expect(await helper('erase', 'other.example.com')).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await helper('get', 'other.example.com')).stdout).toBe('credentials not found in native keychain\n');
    await settings.update({ credentialHelperWrites: false });
  });
});

describe('the keychain when the helper cannot use it', () => {
  it.each([
    ['locked', /^This secret is saved, but the key that unlocks it cannot be read: The keyring is locked/],
    ['no-secret-service', /^This secret is saved, but the key that unlocks it cannot be read: There is no Secret Service on the session bus/],
  ] as const)('%s: one line on stdout, exit 1, and no hang', async (kind, line) => {
    const kcHome = makeHome();
    try {
      const dataDir = path.join(kcHome, 'chartdesk');
      const cli = path.join(DIST, 'cli.cjs');
      const added = await runNodeIn('unlocked', kcHome, [cli, 'repos', 'add', 'reg', `oci://${host}/apps`, '--auth', 'basic', '--username', 'alice'], { input: PASSWORD, env: { CHARTDESK_HOME: dataDir } });
      expect(added.code, added.stderr).toBe(0);
      // A hang would be killed at the time limit and show as code null.
      const got = await runNodeIn(kind, kcHome, [HELPER, 'get'], { input: host, env: { CHARTDESK_HOME: dataDir }, timeoutMs: 20_000 });
      expect(got.code).toBe(1);
      expect(got.stdout).toMatch(line);
      expect(got.stdout.trimEnd().split('\n')).toHaveLength(1);
      expect(got.stdout).not.toContain(PASSWORD);
    } finally {
      rmSync(kcHome, { recursive: true, force: true });
    }
  });
});
