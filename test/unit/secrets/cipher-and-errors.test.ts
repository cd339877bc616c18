import { describe, expect, it } from 'vitest';
import { keyFingerprint, newMasterKey, open, seal } from '../../../electron/core/secrets/cipher';
import { classifyKeychainError } from '../../../electron/core/secrets/keychain-errors';

describe('vault cipher', () => {
  const key = newMasterKey();
  const aad = Buffer.from('entry-a');

  it('round-trips and fails on a wrong key, wrong entry or changed byte', () => {
    const box = seal(key, Buffer.from('secret ✓'), aad);
    expect(open(key, box, aad).toString()).toBe('secret ✓');
    expect(() => open(newMasterKey(), box, aad)).toThrow(/could not be decrypted/);
    expect(() => open(key, box, Buffer.from('entry-b'))).toThrow(/could not be decrypted/);
    const data = Buffer.from(box.data, 'base64');
    data[0] = (data[0] ?? 0) ^ 1;
    expect(() => open(key, { ...box, data: data.toString('base64') }, aad)).toThrow(/could not be decrypted/);
  });

  it('uses a fresh IV for every seal and a stable, non-secret key fingerprint', () => {
    const ivs = new Set(Array.from({ length: 50 }, () => seal(key, Buffer.from('x'), aad).iv));
    expect(ivs.size).toBe(50);
    expect(keyFingerprint(key)).toBe(keyFingerprint(Buffer.from(key)));
    expect(keyFingerprint(key)).toMatch(/^[0-9a-f]{16}$/);
    expect(key.toString('hex')).not.toContain(keyFingerprint(key));
  });
});

describe('keychain error classification', () => {
  // The messages @napi-rs/keyring gives on Linux, as observed under dbus-run-session.
  const cases: [string, 'locked' | 'missing', RegExp][] = [
    ["Couldn't access platform storage: Secret Service: unlock prompt was dismissed", 'locked', /keyring is locked/],
    ["Couldn't access platform storage: Secret Service: no result found", 'locked', /no default keyring/],
    ['Platform failure: DBus error: The name org.freedesktop.secrets was not provided by any .service files', 'missing', /no Secret Service on the session bus.*apt-get install gnome-keyring libsecret-1-0/],
    ['Platform failure: DBus error: Using X11 for dbus-daemon autolaunch was disabled at compile time, set your DBUS_SESSION_BUS_ADDRESS instead', 'missing', /no D-Bus session bus/],
    ['Platform failure: DBus error: Failed to connect to socket /run/user/1000/bus: No such file or directory', 'missing', /no D-Bus session bus/],
    ['Platform failure: DBus error: Did not receive a reply. Possible causes include: the remote application did not send a reply', 'missing', /did not answer in time/],
  ];
  it.each(cases)('%s', (message, state, detail) => {
    const error = Object.assign(new Error(message), { code: 'GenericFailure', cause: new Error(message.replace(/^[^:]+: /, '')) });
    const problem = classifyKeychainError(error, 'linux');
    expect(problem.state).toBe(state);
    expect(problem.detail).toMatch(detail);
  });
});
