/**
 * Starts what the UI benchmark drives: the built renderer (built here when dist/renderer is missing
 * or older than its sources), a browser-mode ChartDesk (`node dist/web.cjs --no-open`, a fresh
 * CHARTDESK_HOME per start, as the browser tests do) and Debian's Chromium through Playwright.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from '@playwright/test';

/** A running browser-mode app with its own data folder. */
export interface RunningApp {
  url: string;
  stop(): Promise<void>;
}

/** The Chromium the browser tests use (CHARTDESK_CHROMIUM overrides, as in playwright.config.ts). */
export const CHROMIUM = process.env.CHARTDESK_CHROMIUM ?? '/usr/bin/chromium';

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) newest = Math.max(newest, statSync(path.join(dir, name)).mtimeMs);
  return newest;
}

/** Builds the renderer (vite build) unless dist/renderer is newer than renderer/ and vite.config.ts; throws when the build fails. */
export function ensureRenderer(root: string): void {
  const built = path.join(root, 'dist', 'renderer', 'index.html');
  const sources = Math.max(newestMtime(path.join(root, 'renderer')), statSync(path.join(root, 'vite.config.ts')).mtimeMs);
  if (existsSync(built) && statSync(built).mtimeMs >= sources) return;
  process.stderr.write(`bench: building the renderer (dist/renderer is ${existsSync(built) ? 'older than renderer/' : 'missing'})…\n`);
  const run = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'error'], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the renderer build failed (npm run build shows why): ${run.stderr.trim().split('\n')[0] ?? ''}`);
}

/** Starts `node dist/web.cjs --no-open` with a fresh data folder and waits for the URL it prints. */
export async function startApp(root: string): Promise<RunningApp> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-bench-ui-'));
  const child = spawn(process.execPath, [path.join(root, 'dist', 'web.cjs'), '--no-open'], { env: { ...process.env, CHARTDESK_HOME: home }, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    rmSync(home, { recursive: true, force: true });
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`browser mode printed no URL in 20 s: ${out}`)), 20_000);
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const line = out.split('\n').find((l) => l.startsWith('http://127.0.0.1:'));
        if (line) {
          clearTimeout(timer);
          resolve(line.trim());
        }
      });
      child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`browser mode exited with ${code}: ${out.trim()}`)));
    });
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Launches headless Chromium (CHROMIUM) with the browser tests' switches. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('@playwright/test');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}
