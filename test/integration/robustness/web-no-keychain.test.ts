/**
 * The browser mode (node dist/web.cjs) on a machine without a usable keychain: no session bus, or
 * one that points nowhere. Through its HTTP API: it says so, keeps secrets for the session, and
 * writes none of them under CHARTDESK_HOME.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DIST } from '../../support/paths';

const SECRET = 'web-session-secret-8d2e41';

interface RunningWeb {
  child: ChildProcess;
  origin: string;
  token: string;
  home: string;
  stderr: () => string;
}

const running: RunningWeb[] = [];
afterEach(async () => {
  for (const web of running.splice(0)) {
    if (web.child.exitCode === null) {
      const exited = new Promise((resolve) => web.child.once('exit', resolve));
      web.child.kill('SIGTERM');
      await exited;
    }
    rmSync(web.home, { recursive: true, force: true });
  }
});

/** Starts the browser mode with `bus` as DBUS_SESSION_BUS_ADDRESS (undefined: unset) and waits for its URL. */
async function startWeb(bus: string | undefined): Promise<RunningWeb> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-web-nokc-'));
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '', HOME: home, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_DATA_HOME: path.join(home, 'share'), XDG_RUNTIME_DIR: home, CHARTDESK_HOME: path.join(home, 'data') };
  if (bus !== undefined) env.DBUS_SESSION_BUS_ADDRESS = bus;
  const child = spawn(process.execPath, [path.join(DIST, 'web.cjs'), '--no-open'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const url = await new Promise<URL>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web.cjs printed no URL within 15 s; stderr: ${stderr}`)), 15_000);
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
      const match = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(new URL(match[0]));
      }
    });
    child.once('exit', (code) => reject(new Error(`web.cjs exited (${code}) before printing its URL; stderr: ${stderr}`)));
  });
  const web = { child, origin: url.origin, token: url.searchParams.get('token') ?? '', home, stderr: () => stderr };
  running.push(web);
  return web;
}

/** Calls a contract method as the page does: POST /api/<name> with the token and the page's Origin. */
async function call<T>(web: RunningWeb, name: string, args: unknown): Promise<{ ok: true; value: T } | { ok: false; error: { kind: string; message: string } }> {
  const res = await fetch(`${web.origin}/api/${name}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${web.token}`, Origin: web.origin, 'Content-Type': 'application/json' },
    body: JSON.stringify(args),
    signal: AbortSignal.timeout(15_000),
  });
  return (await res.json()) as never;
}

/** Every file under `dir`, with its content. */
function filesUnder(dir: string): Array<{ file: string; text: string }> {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((rel) => path.join(dir, rel))
    .filter((file) => statSync(file).isFile())
    .map((file) => ({ file, text: readFileSync(file, 'latin1') }));
}

describe('the browser mode without a keychain', () => {
  it.each([
    ['a session bus address that points nowhere', 'unix:path=/nonexistent/chartdesk-no-bus'],
    ['no session bus at all', undefined],
  ])('%s: reports it, keeps a new repo’s secret in memory only, writes no secret', async (_name, bus) => {
    const web = await startWeb(bus);
    const info = await call<{ keychain: { state: string; detail: string } }>(web, 'appInfo', {});
    expect(info.ok).toBe(true);
    const keychain = info.ok ? info.value.keychain : undefined;
    expect(keychain?.state).toBe('missing');
    expect(keychain?.detail).toMatch(/Install a Secret Service/);
    expect(keychain?.detail).toMatch(/in memory for this session only; nothing is written/);

    const added = await call<{ id: string; hasSecret: boolean }>(web, 'addRepo', { name: 'cm', url: 'http://127.0.0.1:9/org1/repo1', auth: { mode: 'token-server', dialect: 'A' }, secret: SECRET });
    expect(added).toMatchObject({ ok: true, value: { hasSecret: true } });
    const repoId = added.ok ? added.value.id : '';
    expect(await call(web, 'revealCredential', { repoId })).toMatchObject({ ok: true, value: { secret: SECRET } });
    expect(await call(web, 'listRepos', {})).toMatchObject({ ok: true, value: [{ name: 'cm', hasSecret: true }] });

    const saved = filesUnder(path.join(web.home, 'data'));
    expect(saved.map((f) => path.basename(f.file))).toContain('repos.json');
    expect(saved.map((f) => path.basename(f.file))).not.toContain('vault.json');
    for (const { file, text } of filesUnder(web.home)) expect(text.includes(SECRET), file).toBe(false);
    expect(web.stderr()).not.toContain(SECRET);
  });
});
