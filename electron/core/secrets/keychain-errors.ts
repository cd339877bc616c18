/**
 * Turns the errors @napi-rs/keyring throws into a keychain state and a sentence for the user.
 * The patterns were taken from the real errors on Linux (Secret Service over D-Bus): no bus, no
 * Secret Service on the bus, a locked collection (its unlock prompt dismissed), no default
 * collection, and a daemon that does not answer.
 */

/** Why the keychain cannot be used right now. */
export interface KeychainProblem {
  state: 'locked' | 'missing';
  /** A sentence for the UI; never holds a secret. */
  detail: string;
}

const INSTALL_HINT = 'Install a Secret Service, e.g. `apt-get install gnome-keyring libsecret-1-0` (or turn on KeePassXC’s Secret Service integration), and run ChartDesk in a desktop session.';

function messagesOf(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    if (current instanceof Error) parts.push(current.message);
    else if (typeof current === 'string') parts.push(current);
    current = current instanceof Error ? (current as Error & { cause?: unknown }).cause : undefined;
  }
  return parts.join(' | ');
}

/** Classifies a keyring failure; `platform` picks the wording for macOS and Windows. */
export function classifyKeychainError(error: unknown, platform: NodeJS.Platform): KeychainProblem {
  const text = messagesOf(error);
  if (/prompt was dismissed|is locked|locked collection|unlock/i.test(text)) {
    return { state: 'locked', detail: 'The keyring is locked (its unlock prompt was dismissed). Unlock it, for example by logging in again or with Passwords and Keys, then retry.' };
  }
  if (/no result found/i.test(text)) {
    return { state: 'locked', detail: 'The Secret Service has no default keyring to store secrets in (no “login” collection, or it is locked). Create or unlock it with Passwords and Keys (seahorse), then retry.' };
  }
  if (/DBUS_SESSION_BUS_ADDRESS|autolaunch|Failed to connect to socket|connection refused/i.test(text)) {
    return { state: 'missing', detail: `There is no D-Bus session bus, so there is no Secret Service. ${INSTALL_HINT}` };
  }
  if (/not provided by any \.service files|ServiceUnknown|name has no owner|org\.freedesktop\.secrets/i.test(text)) {
    return { state: 'missing', detail: `There is no Secret Service on the session bus. ${INSTALL_HINT}` };
  }
  if (/did not receive a reply|timed out|timeout/i.test(text)) {
    return { state: 'missing', detail: 'The keychain did not answer in time (the Secret Service may be hung). Restart it, or log out and in again, then retry.' };
  }
  if (/could not load the keychain module/i.test(text)) {
    return { state: 'missing', detail: 'The keychain module could not be loaded on this system; reinstall ChartDesk.' };
  }
  if (platform === 'darwin') return { state: 'locked', detail: 'The macOS Keychain refused access (it may be locked, or access was denied). Unlock it in Keychain Access, then retry.' };
  if (platform === 'win32') return { state: 'missing', detail: 'Windows Credential Manager could not be used. Check that the Credential Manager service is running, then retry.' };
  return { state: 'missing', detail: `The keychain could not be used. ${INSTALL_HINT}` };
}
