/** settings.json: every setting round-trips through a new process's store, versioned, atomic, backed up and recovered. */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../electron/contract/settings';
import { bootCore } from '../../../electron/core/boot';
import { silentLogger } from '../../../electron/core/log';
import { createSettingsStore } from '../../../electron/core/settings/settings-store';
import { SHARED_DATA } from '../../support/paths';

const dirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-settings-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const notes: string[] = [];
const store = (dir: string) => createSettingsStore({ dataDir: dir, notify: (_level, message) => notes.push(message) });

/** A value for every setting that differs from its default. */
const CHANGED = {
  theme: 'dark',
  connectTimeoutSeconds: 7,
  responseTimeoutSeconds: 12,
  stallTimeoutSeconds: 45,
  maxIndexMb: 64,
  proxyUrl: 'http://proxy.example.com:3128',
  noProxy: 'localhost,.internal',
  caFile: path.join(SHARED_DATA, 'auth', 'chartmuseum-example-server.pem'),
  iconsFromOtherHosts: false,
  indexFreshMinutes: 5,
  packageCacheLimitMb: 200,
  sessionOnly: true,
  credentialHelperWrites: true,
} as const;

describe('settings.json', () => {
  it('starts with the defaults and writes nothing until a change', async () => {
    const dir = dataDir();
    expect(await store(dir).load()).toEqual(defaultSettings());
    expect(readdirSync(dir)).toEqual([]);
  });

  it('round-trips every setting into a fresh store (as a restart reads it)', async () => {
    const dir = dataDir();
    expect(Object.keys(CHANGED).sort()).toEqual(Object.keys(defaultSettings()).sort());
    const first = store(dir);
    await first.load();
    for (const [key, value] of Object.entries(CHANGED)) await first.update({ [key]: value });
    expect(first.current()).toEqual(CHANGED);
    expect(await store(dir).load()).toEqual(CHANGED);
    const file = JSON.parse(readFileSync(path.join(dir, 'settings.json'), 'utf8'));
    expect(file).toEqual({ schemaVersion: 1, settings: CHANGED });
    // The previous good version is kept as the backup, as for repos.json.
    expect(JSON.parse(readFileSync(path.join(dir, 'settings.json.bak'), 'utf8')).settings.credentialHelperWrites).toBe(false);
  });

  it('tells subscribers about a change, with the previous settings', async () => {
    const s = store(dataDir());
    const seen: Array<[string, string]> = [];
    s.subscribe((next, previous) => seen.push([previous.theme, next.theme]));
    await s.update({ theme: 'light' });
    await s.update({ theme: 'dark' });
    expect(seen).toEqual([
      ['system', 'light'],
      ['light', 'dark'],
    ]);
  });

  it('restores the backup when settings.json is damaged, keeps the bad copy and says so', async () => {
    const dir = dataDir();
    const s = store(dir);
    await s.update({ theme: 'dark' });
    await s.update({ maxIndexMb: 32 });
    writeFileSync(path.join(dir, 'settings.json'), '{"schemaVersion": 1, "settings": {"theme": ');
    notes.length = 0;
    const restored = await store(dir).load();
    expect(restored.theme).toBe('dark');
    expect(restored.maxIndexMb).toBe(256);
    expect(notes.join(' ')).toMatch(/your settings was damaged.*restored from its backup/);
    expect(readdirSync(dir).some((name) => name.startsWith('settings.json.corrupt-'))).toBe(true);
  });

  it('refuses a file from a newer ChartDesk and leaves it alone', async () => {
    const dir = dataDir();
    const newer = '{"schemaVersion": 9, "settings": {}}\n';
    writeFileSync(path.join(dir, 'settings.json'), newer);
    await expect(store(dir).load()).rejects.toMatchObject({ kind: 'store', message: expect.stringMatching(/newer version of ChartDesk \(format 9\)/) });
    await expect(store(dir).update({ theme: 'dark' })).rejects.toMatchObject({ kind: 'store' });
    expect(readFileSync(path.join(dir, 'settings.json'), 'utf8')).toBe(newer);
  });

  it('refuses a CA file that does not exist or holds no certificate, and keeps the old value', async () => {
    const dir = dataDir();
    const s = store(dir);
    await expect(s.update({ caFile: path.join(dir, 'missing.pem') })).rejects.toMatchObject({ kind: 'bad-request', message: expect.stringMatching(/does not exist/) });
    writeFileSync(path.join(dir, 'not-a-cert.pem'), 'hello');
    await expect(s.update({ caFile: path.join(dir, 'not-a-cert.pem') })).rejects.toMatchObject({ message: expect.stringMatching(/no PEM certificate/) });
    expect(s.current().caFile).toBe('');
    expect(existsSync(path.join(dir, 'settings.json'))).toBe(false);
  });
});

describe('the settings methods of the contract', () => {
  it('refuses out-of-range values and a proxy with a password, naming the field, and announces a change', async () => {
    const dir = dataDir();
    const core = await bootCore({ transport: 'browser', dataDir: dir, log: silentLogger, env: { CHARTDESK_KEYCHAIN: 'off' }, homeDir: dir });
    const events: string[] = [];
    core.context.events.subscribe((name) => events.push(name));
    for (const bad of [{ responseTimeoutSeconds: 0 }, { maxIndexMb: 5000 }, { theme: 'pink' }, { proxyUrl: 'http://alice:secret@proxy:3128' }, { unknownSetting: true }]) {
      const answer = await core.dispatcher.call('updateSettings', bad);
      expect(answer.ok).toBe(false);
      if (!answer.ok) expect(answer.error.message).not.toContain('secret@');
    }
    expect(events).toEqual([]);
    const answer = await core.dispatcher.call('updateSettings', { theme: 'light', proxyUrl: '' });
    expect(answer).toMatchObject({ ok: true, value: { theme: 'light' } });
    expect(events).toEqual(['settingsChanged']);
    expect(await core.dispatcher.call('getSettings', {})).toMatchObject({ ok: true, value: { theme: 'light' } });
    await core.context.flow.close();
  });
});
