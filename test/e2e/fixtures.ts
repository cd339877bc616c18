import { test as base, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A browser-mode ChartDesk started for one test, with its own data folder. */
export interface WebApp {
  url: string;
  origin: string;
  token: string;
  home: string;
  process: ChildProcess;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Starts `node dist/web.cjs --no-open` and waits for the URL line it prints. */
export async function startWebApp(env: NodeJS.ProcessEnv = {}): Promise<WebApp> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-e2e-'));
  const child = spawn(process.execPath, [path.join(root, 'dist', 'web.cjs'), '--no-open'], {
    env: { ...process.env, CHARTDESK_HOME: home, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`browser mode did not print its URL: ${out}`)), 20_000);
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
  return { url, origin: parsed.origin, token: parsed.searchParams.get('token') ?? '', home, process: child };
}

/** Stops a browser-mode app and removes its data folder. */
export function stopWebApp(app: WebApp): void {
  app.process.kill('SIGTERM');
  rmSync(app.home, { recursive: true, force: true });
}

/** A test with a fresh browser-mode ChartDesk. */
export const test = base.extend<{ webApp: WebApp }>({
  webApp: async ({}, use) => {
    const app = await startWebApp();
    await use(app);
    stopWebApp(app);
  },
});

export { expect };
