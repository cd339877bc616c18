/** The keyring: public keys imported by the user (as gpg --export writes them), kept in <dataDir>/provenance/keyring.json. */
import path from 'node:path';
import * as openpgp from 'openpgp';
import { ChartDeskError } from '../errors';
import { createDurableFile, type DurableFileOptions } from '../store/durable-file';
import { readKeyFile } from './key-data';
import { fingerprintOf, keyFacts, type KeyFacts } from './key-info';
import { MAX_KEYS } from './limits';
import { keyringFormat, normalizeFingerprint, type KeyringDoc } from './store-formats';

/** A key of the keyring as listed. */
export type KeyringEntry = KeyFacts & { addedAt: number };

/** What an import did. */
export interface KeyImport {
  added: KeyringEntry[];
  /** Keys already there, merged with what the file adds (new user ids, revocations, expiry changes). */
  updated: KeyringEntry[];
  /** True when the file held secret keys: only their public parts were kept. */
  hadSecretKeys: boolean;
}

/** The keyring. */
export interface Keyring {
  list(): Promise<KeyringEntry[]>;
  /** Imports every key in a key file (armored or binary). */
  import(bytes: Uint8Array, what: string): Promise<KeyImport>;
  /** Adds already-parsed public keys (a signing key's public part). */
  add(keys: readonly openpgp.PublicKey[]): Promise<KeyImport>;
  /** Removes a key by fingerprint; not-found when it is not there. */
  remove(fingerprint: string): Promise<KeyringEntry>;
  /** The parsed keys, for verification. */
  publicKeys(): Promise<openpgp.PublicKey[]>;
}

/** What the keyring needs. */
export interface KeyringDeps {
  dataDir: string;
  notify: DurableFileOptions<KeyringDoc>['notify'];
  now?: () => number;
}

/** The folder of the provenance files. */
export function provenanceDir(dataDir: string): string {
  return path.join(dataDir, 'provenance');
}

/** Creates the keyring; parsed keys are cached by their stored text, so a verify does not re-parse an unchanged keyring. */
export function createKeyring(deps: KeyringDeps): Keyring {
  const now = deps.now ?? Date.now;
  const file = createDurableFile({ path: path.join(provenanceDir(deps.dataDir), 'keyring.json'), format: keyringFormat, what: 'your keyring', notify: deps.notify });
  const parsed = new Map<string, openpgp.PublicKey>();

  const parse = async (armored: string): Promise<openpgp.PublicKey> => {
    const hit = parsed.get(armored);
    if (hit) return hit;
    const key = await openpgp.readKey({ armoredKey: armored });
    parsed.set(armored, key);
    return key;
  };
  const keysOf = async (doc: KeyringDoc) => {
    const keys = await Promise.all(doc.keys.map((entry) => parse(entry.armored).catch(() => undefined)));
    const live = new Set(doc.keys.map((e) => e.armored));
    for (const text of parsed.keys()) if (!live.has(text)) parsed.delete(text);
    return doc.keys.flatMap((entry, i) => (keys[i] ? [{ entry, key: keys[i] }] : []));
  };
  const entryOf = async (key: openpgp.PublicKey, addedAt: number): Promise<KeyringEntry> => ({ ...(await keyFacts(key, new Date(now()))), addedAt });

  const add = async (incoming: readonly openpgp.PublicKey[], hadSecretKeys: boolean): Promise<KeyImport> => {
    const changes = await file.update(async (doc) => {
      const entries = [...doc.keys];
      const added: Array<{ key: openpgp.PublicKey; addedAt: number }> = [];
      const updated: Array<{ key: openpgp.PublicKey; addedAt: number }> = [];
      for (const key of incoming) {
        const fingerprint = fingerprintOf(key);
        const at = entries.findIndex((e) => e.fingerprint === fingerprint);
        if (at === -1) {
          entries.push({ fingerprint, armored: key.armor(), addedAt: now() });
          added.push({ key, addedAt: now() });
          continue;
        }
        const existing = entries[at] as KeyringDoc['keys'][number];
        const merged = await (await parse(existing.armored)).update(key);
        entries[at] = { ...existing, armored: merged.armor() };
        updated.push({ key: merged, addedAt: existing.addedAt });
      }
      if (entries.length > MAX_KEYS) throw new ChartDeskError('too-large', 'import-key', `The keyring would hold ${entries.length} keys; it holds at most ${MAX_KEYS}.`, { hint: 'Remove keys you no longer need first.' });
      return { next: { ...doc, keys: entries }, result: { added, updated } };
    });
    return {
      added: await Promise.all(changes.added.map((c) => entryOf(c.key, c.addedAt))),
      updated: await Promise.all(changes.updated.map((c) => entryOf(c.key, c.addedAt))),
      hadSecretKeys,
    };
  };

  return {
    async list() {
      const keys = await keysOf(await file.read());
      return Promise.all(keys.map(({ entry, key }) => entryOf(key, entry.addedAt)));
    },
    async import(bytes, what) {
      const read = await readKeyFile(bytes, what);
      return add(read.publicKeys, read.privateKeys.length > 0);
    },
    add: (keys) => add(keys, false),
    async remove(fingerprint) {
      const wanted = normalizeFingerprint(fingerprint);
      if (!wanted) throw new ChartDeskError('bad-request', 'remove-key', 'That is not a key fingerprint (40 hex digits).');
      const removed = await file.update(async (doc) => {
        const entry = doc.keys.find((e) => e.fingerprint === wanted);
        if (!entry) throw new ChartDeskError('not-found', 'remove-key', `There is no key ${wanted} in your keyring.`);
        return { next: { ...doc, keys: doc.keys.filter((e) => e !== entry) }, result: entry };
      });
      return entryOf(await parse(removed.armored), removed.addedAt);
    },
    async publicKeys() {
      return (await keysOf(await file.read())).map(({ key }) => key);
    },
  };
}
