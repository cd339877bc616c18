/**
 * Where secrets live. Design: ONE random 256-bit master key sits in the OS keychain; the secrets
 * themselves sit in vault.json in the data folder, each sealed with AES-256-GCM (a fresh random IV
 * per write, the entry id bound in as associated data so entries cannot be swapped). This way a
 * secret of any size (16 KB and more) round-trips on every OS, although Windows Credential Manager
 * holds at most 2,560 bytes per entry, and the keychain is asked once per process, not per secret.
 * Without a usable keychain the vault falls back to memory for the session (nothing is written),
 * or, for the CLI, refuses to store.
 */
import path from 'node:path';
import type { z } from 'zod';
import type { KeychainStatus } from '../../contract/app';
import { ChartDeskError } from '../errors';
import { createDurableFile, type DurableFileOptions } from '../store/durable-file';
import { keyFingerprint, open, seal } from './cipher';
import { KeychainUnavailableError, type Keychain } from './keychain';
import { loadOrCreateMasterKey, MASTER_KEY_ACCOUNT } from './master-key';
import { entryAad, VAULT_FILE_NAME, vaultFormat, type VaultDoc } from './vault-file';

/** The keychain state shown to the user. */
export type KeychainState = z.output<typeof KeychainStatus>;

/** Secrets by entry id ("repo:<id>"). */
export interface SecretVault {
  /** Where secrets go now; retries a keychain that was locked or missing. */
  status(): Promise<KeychainState>;
  /** The ids of every stored secret (saved or in memory); reading it needs no key. */
  ids(): Promise<Set<string>>;
  get(entryId: string): Promise<string | undefined>;
  /** Stores a secret; resolves to where it went (the keychain-backed vault, or memory). */
  set(entryId: string, secret: string): Promise<KeychainState>;
  delete(entryId: string): Promise<void>;
  /**
   * Forgets every secret, as on a fresh install: the vault file (with its backup and any copies set
   * aside), the secrets in memory, and the master key in the OS keychain.
   */
  forgetAll(): Promise<{ forgotten: number; keychainEntryRemoved: boolean }>;
}

/** What the vault needs. */
export interface SecretVaultOptions {
  dataDir: string;
  /** The OS keychain; undefined runs session-only by choice (`sessionOnlyReason` says why). */
  keychain: Keychain | undefined;
  sessionOnlyReason?: string;
  /** True for the app (keep secrets in memory when no keychain); false for the CLI (refuse instead). */
  allowSessionOnly: boolean;
  platform?: NodeJS.Platform;
  notify: DurableFileOptions<VaultDoc>['notify'];
  now?: () => number;
  lock?: DurableFileOptions<VaultDoc>['lock'];
  /** A locked or missing keychain is asked again by status() at most this often, ms (default 10 000): each ask may pop an unlock prompt. */
  retryAfterMs?: number;
  /** True while the user chose session-only mode (Settings): the keychain is left alone, secrets stay in memory. Read on every use. */
  sessionOnly?: () => boolean;
}

/** Why a saved secret cannot be read while session-only mode is on. */
const SESSION_ONLY_BY_SETTING = 'Session-only mode is on (Settings → Keychain), so ChartDesk does not open the keychain.';

type Backend = { kind: 'keychain'; key: Buffer; keyId: string; status: KeychainState } | { kind: 'session'; status: KeychainState };

const STORE_NAMES: Partial<Record<NodeJS.Platform, string>> = { darwin: 'the macOS Keychain', win32: 'Windows Credential Manager' };

/** Creates the vault for `options.dataDir`. */
export function createSecretVault(options: SecretVaultOptions): SecretVault {
  const platform = options.platform ?? process.platform;
  const file = createDurableFile({ path: path.join(options.dataDir, VAULT_FILE_NAME), format: vaultFormat, what: 'your encrypted secrets', notify: options.notify, ...(options.now ? { now: options.now } : {}), ...(options.lock ? { lock: options.lock } : {}) });
  const session = new Map<string, string>();
  const fallback = options.allowSessionOnly ? ' Until then, secrets you enter stay in memory for this session only; nothing is written.' : ' Secrets cannot be stored until then.';
  let current: Promise<Backend> | undefined;
  let lastAttempt = 0;
  const now = options.now ?? Date.now;

  async function connect(keychain: Keychain): Promise<Backend> {
    try {
      const key = await loadOrCreateMasterKey(keychain, (fn) => file.update(async () => ({ result: await fn() })));
      const detail = `Secrets are encrypted in ${VAULT_FILE_NAME} with a key kept in ${STORE_NAMES[platform] ?? 'the Secret Service keyring'}.`;
      const backend: Backend = { kind: 'keychain', key, keyId: keyFingerprint(key), status: { state: 'available', detail } };
      for (const [id, secret] of session) await write(backend, id, secret);
      session.clear();
      return backend;
    } catch (error) {
      if (!(error instanceof KeychainUnavailableError)) throw error;
      return { kind: 'session', status: { state: error.problem.state, detail: `${error.problem.detail}${fallback}` } };
    }
  }

  function backend(retry = false): Promise<Backend> {
    if (options.keychain && options.sessionOnly?.()) {
      const consequence = options.allowSessionOnly ? ' Secrets you enter stay in memory for this session only; nothing is written.' : ' Secrets cannot be stored or read here.';
      return Promise.resolve({ kind: 'session', status: { state: 'session-only', detail: `${SESSION_ONLY_BY_SETTING}${consequence}` } });
    }
    if (!options.keychain) {
      // Session-only by choice: there is nothing to wait for, so no "until then".
      const detail = options.sessionOnlyReason ?? 'ChartDesk runs without the keychain.';
      const consequence = options.allowSessionOnly ? ' Secrets you enter stay in memory for this session only; nothing is written.' : ' Secrets cannot be stored.';
      return Promise.resolve({ kind: 'session', status: { state: 'session-only', detail: `${detail}${consequence}` } });
    }
    const keychain = options.keychain;
    const attempt = () => {
      lastAttempt = now();
      return connect(keychain).catch((error: unknown) => {
        current = undefined;
        throw error;
      });
    };
    if (!current) current = attempt();
    else if (retry && now() - lastAttempt >= (options.retryAfterMs ?? 10_000)) current = current.then((b) => (b.kind === 'session' ? attempt() : b));
    return current;
  }

  async function write(b: Extract<Backend, { kind: 'keychain' }>, id: string, secret: string): Promise<void> {
    const doc = await file.read();
    if (doc.keyId && doc.keyId !== b.keyId && Object.keys(doc.entries).length > 0) {
      const aside = await file.setAside('orphaned');
      options.notify('warning', `Your saved secrets were sealed with a master key that is no longer in the keychain, so they cannot be read. The old vault was kept aside${aside ? ` as ${aside}` : ''}; set your credentials again.`);
    }
    await file.update((latest) => {
      const base = latest.keyId && latest.keyId !== b.keyId ? vaultFormat.empty() : latest;
      const sealed = seal(b.key, Buffer.from(secret, 'utf8'), entryAad(b.keyId, id));
      return { next: { ...base, keyId: b.keyId, entries: { ...base.entries, [id]: sealed } }, result: undefined };
    });
  }

  return {
    status: async () => (await backend(true)).status,
    async ids() {
      return new Set([...session.keys(), ...Object.keys((await file.read()).entries)]);
    },
    async get(id) {
      const b = await backend();
      const inMemory = session.get(id);
      if (inMemory !== undefined) return inMemory;
      const doc = await file.read();
      const entry = Object.hasOwn(doc.entries, id) ? doc.entries[id] : undefined;
      if (!entry) return undefined;
      if (b.kind === 'session') {
        if (options.keychain && options.sessionOnly?.()) {
          throw new ChartDeskError('keychain', 'vault', `This secret is saved in the vault, but ${SESSION_ONLY_BY_SETTING.charAt(0).toLowerCase()}${SESSION_ONLY_BY_SETTING.slice(1)}`, { hint: 'Turn session-only mode off in Settings to use saved secrets, or set the secret again for this session.' });
        }
        throw new ChartDeskError('keychain', 'vault', `This secret is saved, but the key that unlocks it cannot be read: ${b.status.detail}`);
      }
      if (doc.keyId !== b.keyId) {
        throw new ChartDeskError('keychain', 'vault', 'Your saved secrets were sealed with a master key that is no longer in the keychain, so they cannot be read.', { hint: 'Set the credential again.' });
      }
      return open(b.key, entry, entryAad(b.keyId, id)).toString('utf8');
    },
    async set(id, secret) {
      const b = await backend();
      if (b.kind === 'session') {
        if (!options.allowSessionOnly) throw new ChartDeskError('keychain', 'store-secret', `${b.status.detail} Nothing was saved.`);
        session.set(id, secret);
        return b.status;
      }
      await write(b, id, secret);
      // A secret kept in memory earlier (session-only, or a locked keychain) must not shadow the saved one.
      session.delete(id);
      return b.status;
    },
    async delete(id) {
      session.delete(id);
      if (!Object.hasOwn((await file.read()).entries, id)) return;
      await file.update((doc) => {
        if (!Object.hasOwn(doc.entries, id)) return { result: undefined };
        const { [id]: _removed, ...entries } = doc.entries;
        return { next: { ...doc, entries }, result: undefined };
      });
    },
    async forgetAll() {
      const forgotten = new Set([...session.keys(), ...Object.keys((await file.read()).entries)]).size;
      session.clear();
      await file.remove();
      let keychainEntryRemoved = false;
      if (options.keychain) {
        keychainEntryRemoved = await options.keychain.delete(MASTER_KEY_ACCOUNT).catch((error: unknown) => {
          if (error instanceof KeychainUnavailableError) return false;
          throw error;
        });
      }
      // The next secret creates a new master key, as on a fresh install.
      current = undefined;
      lastAttempt = 0;
      return { forgotten, keychainEntryRemoved };
    },
  };
}
