/** The vault's master key: one random 256-bit key kept in the OS keychain. */
import { MASTER_KEY_BYTES, newMasterKey } from './cipher';
import { KeychainUnavailableError, type Keychain } from './keychain';

/** The keychain account that holds the master key (service: the keychain's service name). */
export const MASTER_KEY_ACCOUNT = 'vault-master-key';

function decode(text: string): Buffer | undefined {
  const key = Buffer.from(text, 'base64');
  return key.length === MASTER_KEY_BYTES && key.toString('base64') === text ? key : undefined;
}

/**
 * Reads the master key, creating it on first use. Reading an existing entry proves the keychain is
 * unlocked; writing a new one proves it can store. Creation runs inside `exclusive` (the vault's
 * cross-process lock) and re-reads first, so two processes starting together agree on one key.
 */
export async function loadOrCreateMasterKey(keychain: Keychain, exclusive: <T>(fn: () => Promise<T>) => Promise<T>): Promise<Buffer> {
  let stored = await keychain.get(MASTER_KEY_ACCOUNT);
  if (stored === null) {
    stored = await exclusive(async () => {
      const again = await keychain.get(MASTER_KEY_ACCOUNT);
      if (again !== null) return again;
      await keychain.set(MASTER_KEY_ACCOUNT, newMasterKey().toString('base64'));
      return keychain.get(MASTER_KEY_ACCOUNT);
    });
  }
  const key = stored === null ? undefined : decode(stored);
  if (!key) {
    throw new KeychainUnavailableError(
      { state: 'locked', detail: `The ChartDesk master key in the keychain is damaged or unreadable. Remove the “${MASTER_KEY_ACCOUNT}” entry of ChartDesk (e.g. with Passwords and Keys) and set your credentials again.` },
      undefined,
    );
  }
  return key;
}
