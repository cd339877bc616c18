import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as openpgp from 'openpgp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKeyring } from '../../../electron/core/provenance/keyring';
import { createRepoTrust } from '../../../electron/core/provenance/repo-trust';
import { freshKey, HELM_TEST_FINGERPRINT, shared } from './support';

let dir: string;
let notices: string[];
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-keyring-'));
  notices = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));
const keyring = () => createKeyring({ dataDir: dir, notify: (_l, m) => notices.push(m) });

describe('the keyring', () => {
  it('imports a binary keyring with several keys (gpg --export), lists them in a fresh instance, removes one', async () => {
    const result = await keyring().import(shared('provenance', 'helm-td-helm-mixed-keyring.pub'), 'mixed.pub');
    expect(result.added.map((k) => k.fingerprint).sort()).toEqual(['4CBE754C25580C6C878DE711FB856812CE2FCB64', HELM_TEST_FINGERPRINT]);
    const listed = await keyring().list();
    const helm = listed.find((k) => k.fingerprint === HELM_TEST_FINGERPRINT);
    expect(helm).toMatchObject({ keyId: '843BBF981FC18762', algorithm: 'RSA 2048', revoked: false, createdAt: Date.UTC(2016, 6, 25, 19, 50, 54) });
    expect(helm?.expiresAt).toBeUndefined();
    expect(listed.find((k) => k.fingerprint !== HELM_TEST_FINGERPRINT)).toMatchObject({ userIds: ['Helm Ed25519 Test <helm-ed25519@helm.sh>'], algorithm: 'Ed25519' });
    expect(JSON.parse(readFileSync(path.join(dir, 'provenance', 'keyring.json'), 'utf8')).keys).toHaveLength(2);
    const removed = await keyring().remove('5e61 5389 b53c a37f 0ee6  0bd3 843b bf98 1fc1 8762');
    expect(removed.fingerprint).toBe(HELM_TEST_FINGERPRINT);
    expect((await keyring().publicKeys()).map((k) => k.getFingerprint().toUpperCase())).toEqual(['4CBE754C25580C6C878DE711FB856812CE2FCB64']);
    await expect(keyring().remove(HELM_TEST_FINGERPRINT)).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('imports ASCII-armored files with several key blocks, and a re-import updates instead of duplicating', async () => {
    const a = await freshKey('Alice Publisher', { date: new Date(Date.now() - 86_400_000), expiresInSeconds: 30 * 86_400 });
    const b = await freshKey('Bob Publisher');
    const file = Buffer.from(`${a.publicKey.armor()}\n${b.publicKey.armor()}`);
    const first = await keyring().import(file, 'two.asc');
    expect(first.added.map((k) => k.userIds[0])).toEqual(['Alice Publisher <alice-publisher@example.com>', 'Bob Publisher <bob-publisher@example.com>']);
    expect(first.added[0]?.expiresAt).toBe(a.publicKey.getCreationTime().getTime() + 30 * 86_400_000);
    const { publicKey: revokedB } = await openpgp.revokeKey({ key: b.privateKey, format: 'object' });
    const again = await keyring().import(Buffer.from(revokedB.armor()), 'bob-revoked.asc');
    expect(again.added).toEqual([]);
    expect(again.updated.map((k) => [k.userIds[0], k.revoked])).toEqual([['Bob Publisher <bob-publisher@example.com>', true]]);
    expect(await keyring().list()).toHaveLength(2);
  });

  it('keeps only the public part of a secret key file, and never writes the secret', async () => {
    const result = await keyring().import(shared('provenance', 'helm-td-helm-test-key.secret'), 'helm.secret');
    expect(result).toMatchObject({ hadSecretKeys: true, added: [{ fingerprint: HELM_TEST_FINGERPRINT }] });
    const stored = readdirSync(path.join(dir, 'provenance')).map((f) => readFileSync(path.join(dir, 'provenance', f), 'utf8')).join('\n');
    expect(stored).toContain('BEGIN PGP PUBLIC KEY BLOCK');
    expect(stored).not.toContain('PRIVATE KEY');
    const secretMaterial = (await openpgp.readPrivateKey({ binaryKey: shared('provenance', 'helm-td-helm-test-key.secret') })).armor();
    // Armor lines 9-14 encode the secret key's private numbers (the lines before them, its public part).
    for (const line of secretMaterial.split('\n').slice(9, 15)) expect(stored).not.toContain(line);
    const kept = JSON.parse(readFileSync(path.join(dir, 'provenance', 'keyring.json'), 'utf8')).keys[0].armored as string;
    expect((await openpgp.readKey({ armoredKey: kept })).isPrivate()).toBe(false);
  });

  it('refuses files that hold no key, with the file named', async () => {
    await expect(keyring().import(Buffer.from('-----BEGIN PGP MESSAGE-----\nabc\n-----END PGP MESSAGE-----\n'), 'msg.asc')).rejects.toMatchObject({ message: 'msg.asc has no PGP PUBLIC KEY BLOCK or PRIVATE KEY BLOCK.' });
    await expect(keyring().import(Buffer.alloc(0), 'empty.gpg')).rejects.toMatchObject({ message: 'empty.gpg is empty.' });
  });
});

describe('repo pins', () => {
  it('stores fingerprints per repo id in their own file and clears them with an empty list', async () => {
    const trust = createRepoTrust({ dataDir: dir, notify: () => {} });
    expect(await trust.get('r1')).toEqual([]);
    expect(await trust.set('r1', ['5e615389 b53ca37f0ee60bd3843bbf981fc18762', HELM_TEST_FINGERPRINT])).toEqual([HELM_TEST_FINGERPRINT]);
    expect(await createRepoTrust({ dataDir: dir, notify: () => {} }).get('r1')).toEqual([HELM_TEST_FINGERPRINT]);
    await expect(trust.set('r1', ['not a key'])).rejects.toMatchObject({ kind: 'bad-request' });
    await trust.set('r1', []);
    expect(JSON.parse(readFileSync(path.join(dir, 'provenance', 'repo-trust.json'), 'utf8')).repos).toEqual({});
  });
});
