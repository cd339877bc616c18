import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as openpgp from 'openpgp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSigningKeys } from '../../../electron/core/provenance/signing-keys';
import { createSecretVault } from '../../../electron/core/secrets/vault';
import { openTestKeychain, type TestKeychain } from '../secrets/os-keychain';
import { PASSWORD_KEY_PASSPHRASE, shared } from './support';

let kc: TestKeychain;
let dir: string;
beforeAll(async () => {
  kc = await openTestKeychain();
});
afterAll(async () => kc?.cleanup());
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-signing-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const signingKeys = () => createSigningKeys({ dataDir: dir, vault: createSecretVault({ dataDir: dir, keychain: kc.keychain, allowSessionOnly: false, notify: () => {} }), notify: () => {} });
const PASSWORD_KEY = 'E18D0BE258CB62933597C3527A891631B10DA2B1';
const everyFile = (): string => {
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [readFileSync(path.join(d, e.name), 'latin1')]));
  return walk(dir).join('\n');
};

describe('signing keys in the vault', () => {
  it('imports a passphrase-protected key once; signing asks for the passphrase, refuses a wrong one, works with the right one', async () => {
    const { keys } = await signingKeys().import(shared('provenance', 'helm-td-helm-password-key.secret'), 'password.secret');
    expect(keys).toMatchObject([{ fingerprint: PASSWORD_KEY, protected: true, passphraseSaved: false, userIds: ['password key (fake) <fake@helm.sh>'] }]);
    expect(keys[0]?.publicKey).toContain('BEGIN PGP PUBLIC KEY BLOCK');
    await expect(signingKeys().unlock(PASSWORD_KEY)).rejects.toMatchObject({ kind: 'passphrase-required', message: 'password key (fake) <fake@helm.sh> is protected by a passphrase; give it to sign.' });
    await expect(signingKeys().unlock(PASSWORD_KEY, 'password')).rejects.toMatchObject({ kind: 'passphrase-incorrect', message: 'The passphrase for password key (fake) <fake@helm.sh> is not correct.' });
    const key = await signingKeys().unlock(PASSWORD_KEY, PASSWORD_KEY_PASSPHRASE);
    expect(key.isDecrypted()).toBe(true);
    // Used once, not kept.
    expect((await signingKeys().list())[0]?.passphraseSaved).toBe(false);
    await expect(signingKeys().unlock(PASSWORD_KEY)).rejects.toMatchObject({ kind: 'passphrase-required' });
  });

  it('keeps the passphrase only when asked, and forgets it on request', async () => {
    await signingKeys().import(shared('provenance', 'helm-td-helm-password-key.secret'), 'password.secret');
    await signingKeys().unlock(PASSWORD_KEY, PASSWORD_KEY_PASSPHRASE, true);
    expect((await signingKeys().list())[0]?.passphraseSaved).toBe(true);
    expect((await signingKeys().unlock(PASSWORD_KEY)).isDecrypted()).toBe(true);
    await signingKeys().forgetPassphrase(PASSWORD_KEY);
    await expect(signingKeys().unlock(PASSWORD_KEY)).rejects.toMatchObject({ kind: 'passphrase-required' });
  });

  it('seals the secret key: no file in the data folder holds it or the passphrase in clear', async () => {
    await signingKeys().import(shared('provenance', 'helm-td-helm-test-key.secret'), 'helm.secret');
    await signingKeys().import(shared('provenance', 'helm-td-helm-password-key.secret'), 'password.secret');
    await signingKeys().unlock(PASSWORD_KEY, PASSWORD_KEY_PASSPHRASE, true);
    const text = everyFile();
    const secretArmor = (await openpgp.readPrivateKey({ binaryKey: shared('provenance', 'helm-td-helm-test-key.secret') })).armor();
    expect(text).not.toContain('PRIVATE KEY');
    // Armor lines 9-14 encode the private numbers (earlier lines are the public part, which is listed on purpose).
    for (const line of secretArmor.split('\n').slice(9, 15)) expect(text).not.toContain(line);
    expect(text).not.toContain(`"${PASSWORD_KEY_PASSPHRASE}"`);
    expect(JSON.parse(readFileSync(path.join(dir, 'vault.json'), 'utf8')).entries).toHaveProperty(`signing-key:${PASSWORD_KEY}`);
  });

  it('refuses a public key file, a wrong passphrase at import, and removes a key with its kept passphrase', async () => {
    await expect(signingKeys().import(shared('provenance', 'helm-td-helm-test-key.pub'), 'helm.pub')).rejects.toMatchObject({ message: expect.stringContaining('holds public keys only') });
    await expect(signingKeys().import(shared('provenance', 'helm-td-helm-password-key.secret'), 'p.secret', 'nope')).rejects.toMatchObject({ kind: 'passphrase-incorrect' });
    expect(await signingKeys().list()).toEqual([]);
    await signingKeys().import(shared('provenance', 'helm-td-helm-password-key.secret'), 'p.secret', PASSWORD_KEY_PASSPHRASE);
    await signingKeys().unlock(PASSWORD_KEY, PASSWORD_KEY_PASSPHRASE, true);
    await signingKeys().remove(PASSWORD_KEY);
    expect(await signingKeys().list()).toEqual([]);
    expect(Object.keys(JSON.parse(readFileSync(path.join(dir, 'vault.json'), 'utf8')).entries)).toEqual([]);
  });
});
