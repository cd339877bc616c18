/** The OS keychain (Secret Service, macOS Keychain, Windows Credential Manager) via @napi-rs/keyring. */
import { ChartDeskError } from '../errors';
import { classifyKeychainError, type KeychainProblem } from './keychain-errors';

/** The few keychain operations ChartDesk needs: short string entries under one service name. */
export interface Keychain {
  get(account: string): Promise<string | null>;
  set(account: string, value: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

/** A keychain failure that means "not usable now" (locked or missing), with the user's sentence. */
export class KeychainUnavailableError extends ChartDeskError {
  readonly problem: KeychainProblem;

  constructor(problem: KeychainProblem, cause: unknown) {
    super('keychain', 'keychain', problem.detail, { cause });
    this.name = 'KeychainUnavailableError';
    this.problem = problem;
  }
}

/** Options of the OS keychain. */
export interface OsKeychainOptions {
  /** Service name the entries are filed under, e.g. 'ChartDesk'. */
  service: string;
  /** Longest wait for one operation (an unlock prompt counts), ms; default 30 000. */
  timeoutMs?: number;
  platform?: NodeJS.Platform;
}

type KeyringModule = typeof import('@napi-rs/keyring');

/**
 * Opens the OS keychain. On Linux the store is pinned to Secret Service, so a missing or locked
 * keyring fails loudly instead of falling back to the kernel keyring (lost on reboot).
 */
export function createOsKeychain(options: OsKeychainOptions): Keychain {
  const platform = options.platform ?? process.platform;
  const timeoutMs = options.timeoutMs ?? 30_000;
  let module: Promise<KeyringModule> | undefined;
  const load = () =>
    (module ??= import('@napi-rs/keyring').catch((error: unknown) => {
      module = undefined;
      throw new Error(`Could not load the keychain module: ${error instanceof Error ? error.name : 'error'}`);
    }));

  async function run<T>(account: string, op: (entry: InstanceType<KeyringModule['AsyncEntry']>, signal: AbortSignal) => Promise<T>): Promise<T> {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new Error('The keychain operation timed out.'));
      }, timeoutMs);
    });
    const work = async () => {
      const { AsyncEntry } = await load();
      const entry = new AsyncEntry(options.service, account, { linux: { store: 'secret-service' } });
      return op(entry, controller.signal);
    };
    try {
      // The timeout covers loading the module too, and is always awaited (never an unhandled rejection).
      return await Promise.race([work(), timeout]);
    } catch (error) {
      throw new KeychainUnavailableError(classifyKeychainError(error, platform), error);
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    get: (account) => run(account, (entry, signal) => entry.getPassword(signal)).then((value) => value ?? null),
    set: (account, value) => run(account, (entry, signal) => entry.setPassword(value, signal)),
    delete: (account) => run(account, (entry, signal) => entry.deleteCredential(signal)),
  };
}
