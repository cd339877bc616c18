import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MASTER_KEY_ACCOUNT } from '../../../electron/core/secrets/master-key';
import { createSecretVault, type SecretVaultOptions } from '../../../electron/core/secrets/vault';
import { openTestKeychain, type TestKeychain } from './os-keychain';

let kc: TestKeychain;
let dir: string;
let notices: string[];

beforeAll(async () => {
  kc = await openTestKeychain();
});
afterAll(async () => kc?.cleanup());
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-vault-'));
  notices = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const vault = (overrides: Partial<SecretVaultOptions> = {}) =>
  createSecretVault({ dataDir: dir, keychain: kc.keychain, allowSessionOnly: true, notify: (_l, m) => notices.push(m), ...overrides });
const vaultFile = () => path.join(dir, 'vault.json');
const everyFileText = () => readdirSync(dir).map((name) => readFileSync(path.join(dir, name), 'latin1')).join('\n');

describe('secret vault over the real keychain', () => {
  it('round-trips a secret through a fresh instance, as a new process would', async () => {
    expect(await vault().status()).toMatchObject({ state: 'available' });
    await vault().set('repo:a', 'p@ss wörd');
    expect(await vault().get('repo:a')).toBe('p@ss wörd');
    expect(await vault().get('repo:missing')).toBeUndefined();
    expect([...(await vault().ids())]).toEqual(['repo:a']);
  });

  it('round-trips a 16 KB secret while the keychain only holds a 256-bit key', async () => {
    const big = randomBytes(12 * 1024).toString('base64').slice(0, 16 * 1024);
    expect(big).toHaveLength(16 * 1024);
    await vault().set('repo:big', big);
    expect(await vault().get('repo:big')).toBe(big);
    const key = await kc.keychain.get(MASTER_KEY_ACCOUNT);
    expect(Buffer.from(key as string, 'base64')).toHaveLength(32);
    const text = everyFileText();
    expect(text).not.toContain(big.slice(0, 64));
    expect(text).not.toContain(key as string);
  });

  it('seals each write with a fresh IV and binds each entry to its id', async () => {
    const v = vault();
    await v.set('repo:a', 'same secret');
    const first = JSON.parse(readFileSync(vaultFile(), 'utf8')).entries['repo:a'];
    await v.set('repo:a', 'same secret');
    await v.set('repo:b', 'other secret');
    const doc = JSON.parse(readFileSync(vaultFile(), 'utf8'));
    expect(doc.entries['repo:a'].iv).not.toBe(first.iv);
    expect(doc.entries['repo:a'].data).not.toBe(first.data);
    [doc.entries['repo:a'], doc.entries['repo:b']] = [doc.entries['repo:b'], doc.entries['repo:a']];
    writeFileSync(vaultFile(), JSON.stringify(doc));
    await expect(vault().get('repo:a')).rejects.toMatchObject({ kind: 'keychain', message: expect.stringMatching(/could not be decrypted/) });
  });

  it('says so when the master key was removed from the keychain, and starts a new vault on the next write', async () => {
    await vault().set('repo:a', 'secret-a');
    await kc.keychain.delete(MASTER_KEY_ACCOUNT);
    await expect(vault().get('repo:a')).rejects.toMatchObject({ kind: 'keychain', message: expect.stringMatching(/no longer in the keychain/) });
    const v = vault();
    await v.set('repo:b', 'secret-b');
    expect(notices.join(' ')).toMatch(/kept aside/);
    expect(readdirSync(dir).some((n) => n.startsWith('vault.json.orphaned-'))).toBe(true);
    expect(await vault().get('repo:b')).toBe('secret-b');
    expect([...(await vault().ids())]).toEqual(['repo:b']);
  });

  it('forgets a secret on delete', async () => {
    await vault().set('repo:a', 'secret-a');
    await vault().delete('repo:a');
    expect(await vault().get('repo:a')).toBeUndefined();
    expect(readFileSync(vaultFile(), 'utf8')).not.toContain('repo:a');
  });
});

describe('secret vault without a keychain', () => {
  it('keeps secrets in memory for the session and writes nothing', async () => {
    const v = vault({ keychain: undefined, sessionOnlyReason: 'No keychain in this test.' });
    const status = await v.set('repo:a', 'in memory');
    expect(status).toEqual({ state: 'session-only', detail: expect.stringMatching(/No keychain in this test\..*memory for this session only/) });
    expect(await v.get('repo:a')).toBe('in memory');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses to store for the CLI, where memory would be lost at exit', async () => {
    const v = vault({ keychain: undefined, allowSessionOnly: false });
    await expect(v.set('repo:a', 'x')).rejects.toMatchObject({ kind: 'keychain', message: expect.stringMatching(/Nothing was saved/) });
    expect(readdirSync(dir)).toEqual([]);
  });
});
