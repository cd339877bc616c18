/**
 * A full disk under the data folder for the secrets vault (real keychain: run through
 * `npm test -- test/integration/robustness`) and for the real `chartdesk` CLI.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ChartDeskError } from '../../../electron/core/errors';
import { silentLogger } from '../../../electron/core/log';
import { createRepoServices } from '../../../electron/core/store/repo-services';
import { openTestKeychain, type TestKeychain } from '../../unit/secrets/os-keychain';
import { mountTinyDisk, type TinyDisk } from './tiny-disk';
import { runChartdesk, type CliRun } from '../../support/run-cli';

const FIRST_SECRET = 'first-secret-3b9e1f';
const SECOND_SECRET = 'second-secret-77c0d2';

let disk: TinyDisk;
beforeAll(() => {
  disk = mountTinyDisk();
});
afterEach(() => disk.free());
afterAll(() => disk?.unmount());

const tempFiles = () => disk.files().filter((f) => /\.tmp-/.test(f));
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e as ChartDeskError);

describe('the secrets vault on a full disk', () => {
  let kc: TestKeychain;
  beforeAll(async () => {
    kc = await openTestKeychain();
  });
  afterAll(() => kc?.cleanup());

  it('refuses a new secret with a store error, and the saved secrets still read back', async () => {
    const dataDir = path.join(disk.dir, 'vault-data');
    const open = () => createRepoServices({ dataDir, env: {}, log: silentLogger, allowSessionOnly: false, keychain: kc.keychain });
    const repos = open();
    const a = await repos.add({ name: 'a', url: 'https://charts.example.com/a', auth: { mode: 'bearer', dialect: 'auto' }, tls: { insecureSkipVerify: false }, passCredentialsAll: false }, FIRST_SECRET);
    const b = await repos.add({ name: 'b', url: 'https://charts.example.com/b', auth: { mode: 'bearer', dialect: 'auto' }, tls: { insecureSkipVerify: false }, passCredentialsAll: false });
    const vaultBefore = readFileSync(path.join(dataDir, 'vault.json'), 'utf8');

    disk.fill();
    const error = await failure(repos.setCredential(b.id, SECOND_SECRET));
    expect(error).toBeInstanceOf(ChartDeskError);
    expect([error?.kind, error?.step]).toEqual(['store', 'save']);
    expect(error?.message).toBe('Could not save your encrypted secrets: the disk is full (ENOSPC). Nothing was changed.');
    expect(`${error?.message} ${error?.hint}`).not.toContain(SECOND_SECRET);
    expect(readFileSync(path.join(dataDir, 'vault.json'), 'utf8')).toBe(vaultBefore);
    expect(tempFiles()).toEqual([]);

    // A new process (a fresh service over the same folder) still reads the saved secret, and b has none.
    const again = open();
    expect(await again.credentials(a.id)).toEqual({ secret: FIRST_SECRET });
    expect((await again.get(b.id)).hasSecret).toBe(false);
    disk.free();
    await again.setCredential(b.id, SECOND_SECRET);
    expect(await open().credentials(b.id)).toEqual({ secret: SECOND_SECRET });
  });
});


function chartdesk(home: string, args: string[], stdin = '', env: Record<string, string> = {}): Promise<CliRun> {
  return runChartdesk(args, { env: { ...process.env, CHARTDESK_HOME: home, ...env }, stdin, timeoutMs: 20_000 });
}

describe('the chartdesk CLI on a full disk', () => {
  it('`repos add` fails with one line saying the disk is full; the list and its backup still load', async () => {
    const home = path.join(disk.dir, 'cli-plain');
    const off = { CHARTDESK_KEYCHAIN: 'off' };
    expect((await chartdesk(home, ['repos', 'add', 'one', 'https://charts.example.com/one'], '', off)).code).toBe(0);
    expect((await chartdesk(home, ['repos', 'add', 'two', 'https://charts.example.com/two'], '', off)).code).toBe(0);
    const before = readFileSync(path.join(home, 'repos.json'), 'utf8');

    disk.fill();
    const run = await chartdesk(home, ['repos', 'add', 'three', 'https://charts.example.com/three'], '', off);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      'chartdesk repos: save failed: Could not save your repo list: the disk is full (ENOSPC). Nothing was changed. (Free some space on the disk that holds the data folder, then try again.)',
    ]);
    expect(readFileSync(path.join(home, 'repos.json'), 'utf8')).toBe(before);
    const list = await chartdesk(home, ['repos', 'list', '--json'], '', off);
    expect(list.code).toBe(0);
    expect((JSON.parse(list.stdout) as Array<{ name: string }>).map((r) => r.name)).toEqual(['one', 'two']);
    expect(JSON.parse(readFileSync(path.join(home, 'repos.json.bak'), 'utf8')).repos.map((r: { name: string }) => r.name)).toEqual(['one']);
    expect(tempFiles()).toEqual([]);
  });

  it('`repos set-secret` (real keychain) fails the same way and keeps the stored secret', async () => {
    const home = path.join(disk.dir, 'cli-secret');
    const add = await chartdesk(home, ['repos', 'add', 'cm', 'https://charts.example.com/cm', '--auth', 'bearer'], FIRST_SECRET);
    if (add.code !== 0) throw new Error(`This test needs the real, unlocked test keyring: run it with \`npm test -- test/integration/robustness\` (${add.stderr.trim()})`);
    disk.fill();
    const run = await chartdesk(home, ['repos', 'set-secret', 'cm'], SECOND_SECRET);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Could not save your encrypted secrets: the disk is full (ENOSPC).');
    expect(run.stderr + run.stdout).not.toContain(SECOND_SECRET);
    expect(readFileSync(path.join(home, 'vault.json'), 'utf8')).not.toContain(FIRST_SECRET);
    expect(tempFiles()).toEqual([]);
    const app = createRepoServices({ dataDir: home, env: {}, log: silentLogger, allowSessionOnly: false });
    expect(await app.credentials((await app.byName('cm')).id)).toEqual({ secret: FIRST_SECRET });
  });
});
