/**
 * Signing keys: the secret key lives in the vault (entry `signing-key:<fingerprint>`, sealed like every
 * secret); only its public side and facts are listed, in <dataDir>/provenance/signing-keys.json. A
 * passphrase is used once and forgotten, unless the user asks to keep it (entry `signing-passphrase:<fingerprint>`).
 */
import path from 'node:path';
import * as openpgp from 'openpgp';
import { ChartDeskError } from '../errors';
import type { SecretVault } from '../secrets/vault';
import { createDurableFile, type DurableFileOptions } from '../store/durable-file';
import { readKeyFile } from './key-data';
import { fingerprintOf, keyFacts, type KeyFacts } from './key-info';
import { provenanceDir } from './keyring';
import { normalizeFingerprint, signingKeysFormat, type SigningKeysDoc } from './store-formats';

/** A signing key as listed: never its secret part. */
export type SigningKeyEntry = KeyFacts & { protected: boolean; passphraseSaved: boolean; publicKey: string; addedAt: number };

/** The signing keys. */
export interface SigningKeys {
  list(): Promise<SigningKeyEntry[]>;
  /** Imports the secret keys of a file; a passphrase, when given, is checked (and not kept). */
  import(bytes: Uint8Array, what: string, passphrase?: string): Promise<{ keys: SigningKeyEntry[]; publicKeys: openpgp.PublicKey[] }>;
  remove(fingerprint: string): Promise<SigningKeyEntry>;
  forgetPassphrase(fingerprint: string): Promise<void>;
  /** The key ready to sign: decrypted with `passphrase` or the kept one; `keep` stores a passphrase that worked. */
  unlock(fingerprint: string, passphrase?: string, keep?: boolean): Promise<openpgp.PrivateKey>;
}

/** The vault entry id of a signing key's secret key. */
export const signingKeyEntryId = (fingerprint: string) => `signing-key:${fingerprint}`;
/** The vault entry id of a kept passphrase. */
export const signingPassphraseEntryId = (fingerprint: string) => `signing-passphrase:${fingerprint}`;

function fingerprintArg(text: string): string {
  const hex = normalizeFingerprint(text);
  if (!hex) throw new ChartDeskError('bad-request', 'signing-key', 'That is not a key fingerprint (40 hex digits).');
  return hex;
}

async function decrypt(key: openpgp.PrivateKey, passphrase: string, label: string): Promise<openpgp.PrivateKey> {
  try {
    return await openpgp.decryptKey({ privateKey: key, passphrase });
  } catch {
    throw new ChartDeskError('passphrase-incorrect', 'unlock-key', `The passphrase for ${label} is not correct.`, { hint: 'Type it again; nothing was signed.' });
  }
}

/** Creates the signing key store over the vault. */
export function createSigningKeys(deps: { dataDir: string; vault: SecretVault; notify: DurableFileOptions<SigningKeysDoc>['notify']; now?: () => number }): SigningKeys {
  const now = deps.now ?? Date.now;
  const file = createDurableFile({ path: path.join(provenanceDir(deps.dataDir), 'signing-keys.json'), format: signingKeysFormat, what: 'your signing key list', notify: deps.notify });
  const view = (entry: SigningKeysDoc['keys'][number], ids: Set<string>, revoked = false): SigningKeyEntry => ({
    ...entry,
    keyId: entry.fingerprint.slice(-16),
    revoked,
    passphraseSaved: ids.has(signingPassphraseEntryId(entry.fingerprint)),
  });
  const find = async (fingerprint: string) => {
    const entry = (await file.read()).keys.find((k) => k.fingerprint === fingerprint);
    if (!entry) throw new ChartDeskError('not-found', 'signing-key', `There is no signing key ${fingerprint}.`, { hint: 'Import it first (Keyring → Signing keys, or chartdesk keys import --secret FILE).' });
    return entry;
  };
  return {
    async list() {
      const ids = await deps.vault.ids();
      return (await file.read()).keys.map((k) => view(k, ids));
    },
    async import(bytes, what, passphrase) {
      const { privateKeys } = await readKeyFile(bytes, what);
      if (privateKeys.length === 0) throw new ChartDeskError('bad-request', 'import-signing-key', `${what} holds public keys only; signing needs a secret key (gpg --export-secret-keys KEYID).`);
      const at = now();
      const records: SigningKeysDoc['keys'] = [];
      for (const key of privateKeys) {
        const facts = await keyFacts(key, new Date(at));
        if (passphrase !== undefined && !key.isDecrypted()) await decrypt(key, passphrase, facts.userIds[0] ?? facts.fingerprint);
        await deps.vault.set(signingKeyEntryId(facts.fingerprint), key.armor());
        const { keyId: _k, revoked: _r, ...kept } = facts;
        records.push({ ...kept, protected: !key.isDecrypted(), publicKey: key.toPublic().armor(), addedAt: at });
      }
      await file.update((doc) => ({ next: { ...doc, keys: [...doc.keys.filter((k) => !records.some((r) => r.fingerprint === k.fingerprint)), ...records] }, result: undefined }));
      const ids = await deps.vault.ids();
      return { keys: records.map((r) => view(r, ids)), publicKeys: privateKeys.map((k) => k.toPublic()) };
    },
    async remove(fingerprint) {
      const hex = fingerprintArg(fingerprint);
      const entry = await find(hex);
      const ids = await deps.vault.ids();
      await deps.vault.delete(signingKeyEntryId(hex));
      await deps.vault.delete(signingPassphraseEntryId(hex));
      await file.update((doc) => ({ next: { ...doc, keys: doc.keys.filter((k) => k.fingerprint !== hex) }, result: undefined }));
      return view(entry, ids);
    },
    async forgetPassphrase(fingerprint) {
      await deps.vault.delete(signingPassphraseEntryId(fingerprintArg(fingerprint)));
    },
    async unlock(fingerprint, passphrase, keep = false) {
      const hex = fingerprintArg(fingerprint);
      const entry = await find(hex);
      const label = entry.userIds[0] ?? hex;
      const armored = await deps.vault.get(signingKeyEntryId(hex));
      if (armored === undefined) throw new ChartDeskError('not-found', 'unlock-key', `The secret part of ${label} is no longer in the vault.`, { hint: 'Remove the signing key and import it again.' });
      const key = await openpgp.readPrivateKey({ armoredKey: armored });
      if (fingerprintOf(key) !== hex) throw new ChartDeskError('store', 'unlock-key', 'The vault entry of this signing key holds another key.');
      if (key.isDecrypted()) return key;
      const saved = passphrase === undefined ? await deps.vault.get(signingPassphraseEntryId(hex)) : undefined;
      const given = passphrase ?? saved;
      if (given === undefined) {
        throw new ChartDeskError('passphrase-required', 'unlock-key', `${label} is protected by a passphrase; give it to sign.`, { hint: 'The app asks for it; the CLI reads it from stdin or CHARTDESK_SIGNING_PASSPHRASE.' });
      }
      const unlocked = await decrypt(key, given, label);
      if (keep && passphrase !== undefined) await deps.vault.set(signingPassphraseEntryId(hex), passphrase);
      return unlocked;
    },
  };
}
