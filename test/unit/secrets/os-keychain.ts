/** The real OS keychain for tests, under a service name of its own so tests never touch the user's entries. */
import { randomUUID } from 'node:crypto';
import { createOsKeychain, type Keychain } from '../../../electron/core/secrets/keychain';
import { MASTER_KEY_ACCOUNT } from '../../../electron/core/secrets/master-key';

/** A keychain on a throwaway service name, and a way to remove what it stored. */
export interface TestKeychain {
  keychain: Keychain;
  service: string;
  cleanup(): Promise<void>;
}

/** Fails with instructions when there is no unlocked test keyring (run through `npm test -- …`). */
export async function openTestKeychain(): Promise<TestKeychain> {
  const service = `ChartDesk-test-${randomUUID()}`;
  const keychain = createOsKeychain({ service, timeoutMs: 10_000 });
  try {
    await keychain.set('probe', 'ok');
    await keychain.delete('probe');
  } catch (error) {
    throw new Error(`These tests need the real, unlocked test keyring: run them with \`npm test -- test/unit/secrets\` (${error instanceof Error ? error.message : String(error)})`);
  }
  return { keychain, service, cleanup: async () => void (await keychain.delete(MASTER_KEY_ACCOUNT).catch(() => false)) };
}
