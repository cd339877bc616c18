/**
 * A browser-mode ChartDesk with a keychain of its own: the server runs in a private D-Bus session
 * with an unlocked GNOME Keyring, so a test may forget every secret (the vault key too) without
 * touching the keyring other tests share. A new one is a new machine.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WebApp } from '../fixtures';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Starts `node dist/web.cjs` under `dbus-run-session` with a fresh unlocked keyring and data folder. */
export async function startKeyringWebApp(): Promise<WebApp> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-e2e-kc-'));
  for (const dir of ['data', 'config', '.cache']) mkdirSync(path.join(home, dir), { recursive: true });
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, XDG_DATA_HOME: path.join(home, 'data'), XDG_CONFIG_HOME: path.join(home, 'config'), XDG_RUNTIME_DIR: home, CHARTDESK_HOME: path.join(home, 'chartdesk') };
  delete env.DBUS_SESSION_BUS_ADDRESS;
  delete env.GNOME_KEYRING_CONTROL;
  const web = `'${process.execPath}' '${path.join(root, 'dist', 'web.cjs')}' --no-open`;
  const script = `printf %s chartdesk-e2e | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec ${web}`;
  // Its own process group, so stopping it ends the bus, the keyring daemon and the server together.
  const child = spawn('dbus-run-session', ['--', 'sh', '-c', script], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`browser mode did not print its URL: ${out}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('http://127.0.0.1:'));
      if (line) {
        clearTimeout(timer);
        resolve(line.trim());
      }
    });
    child.on('exit', (code) => reject(new Error(`browser mode exited with ${code}: ${out}`)));
  });
  const parsed = new URL(url);
  return { url, origin: parsed.origin, token: parsed.searchParams.get('token') ?? '', home: path.join(home, 'chartdesk'), process: child };
}

/** Stops the app's process group (server, bus, keyring daemon) and removes its home. */
export function stopKeyringWebApp(app: WebApp): void {
  if (app.process.pid !== undefined) {
    try {
      process.kill(-app.process.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
  rmSync(path.dirname(app.home), { recursive: true, force: true });
}
