/**
 * Child processes for the keychain and store tests: the real CLI bundle, bundled fixtures, and
 * D-Bus sessions of our own with an unlocked keyring, a locked one, no Secret Service, or no bus.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { DIST, PROJECT_ROOT } from '../../../support/paths';

/** What a finished child printed. */
export interface ChildResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to completion (killed after `timeoutMs`), feeding `input` on stdin. */
export function run(command: string, args: string[], options: { env: NodeJS.ProcessEnv; input?: string; timeoutMs?: number; cwd?: string }): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: options.env, cwd: options.cwd ?? PROJECT_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    // A program may exit without reading its input: its exit code tells, so EPIPE on this write is no failure.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/** The built CLI (test/support/global-setup.ts builds it before the run). */
export const CLI = path.join(DIST, 'cli.cjs');

/** Bundles test/integration/keychain/fixtures/<name>.ts to a .cjs that resolves node_modules from the project. */
export function bundleFixture(name: string): string {
  const outfile = path.join(PROJECT_ROOT, '.tmp', 'test-fixtures', `${name}-${process.pid}-${randomUUID().slice(0, 8)}.cjs`);
  buildSync({
    entryPoints: [path.join(PROJECT_ROOT, 'test', 'integration', 'keychain', 'fixtures', `${name}.ts`)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    outfile,
    logLevel: 'silent',
  });
  return outfile;
}

/** The keyring situations a child can run in. */
export type KeyringKind = 'unlocked' | 'locked' | 'no-secret-service' | 'no-bus';

/** A private home (HOME, XDG dirs) whose keyring lives only as long as the test. */
export function makeHome(): string {
  const home = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-kc-'));
  mkdirSync(path.join(home, '.cache'), { recursive: true });
  mkdirSync(path.join(home, 'data'), { recursive: true });
  return home;
}

function quote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

const BARE_BUS = `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN" "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:tmpdir=/tmp</listen><auth>EXTERNAL</auth>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy></busconfig>
`;

/** The environment of a child in `home`: no bus inherited from the test runner. */
export function childEnv(home: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, XDG_DATA_HOME: path.join(home, 'data'), XDG_CONFIG_HOME: path.join(home, 'config'), XDG_RUNTIME_DIR: home, ...extra };
  delete env.DBUS_SESSION_BUS_ADDRESS;
  delete env.GNOME_KEYRING_CONTROL;
  delete env.CHARTDESK_SECRET;
  delete env.CHARTDESK_USERNAME;
  return env;
}

/**
 * Runs `node <args>` in a D-Bus session of its own. 'unlocked' unlocks (creating on first use) the
 * home's login keyring with a known password; 'locked' starts the daemon without unlocking it (the
 * keyring must exist: run 'unlocked' once first); 'no-secret-service' is a bus with no
 * org.freedesktop.secrets to activate; 'no-bus' has no session bus at all.
 */
export function runNodeIn(kind: KeyringKind, home: string, args: string[], options: { input?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<ChildResult> {
  if (kind === 'no-bus') {
    const env = childEnv(home, options.env);
    return run(process.execPath, args, { env, timeoutMs: options.timeoutMs ?? 30_000, ...(options.input !== undefined ? { input: options.input } : {}) });
  }
  return runNodesIn(kind, home, [{ args, input: options.input ?? '' }], options);
}

/** Like runNodeIn, but starts several node processes at once in the same session and waits for all. */
export function runNodesIn(kind: Exclude<KeyringKind, 'no-bus'>, home: string, children: { args: string[]; input: string }[], options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<ChildResult> {
  const env = childEnv(home, options.env);
  const timeoutMs = options.timeoutMs ?? 30_000;
  // Each child reads its stdin from a file so the daemon's own stdin (the keyring password) stays separate.
  const commands = children.map(({ args, input }) => {
    const stdinFile = path.join(home, `stdin-${randomUUID()}`);
    writeFileSync(stdinFile, input, { mode: 0o600 });
    return `${[process.execPath, ...args].map(quote).join(' ')} < ${quote(stdinFile)}`;
  });
  const body = commands.length === 1 ? `exec ${commands[0]}` : `${commands.map((c) => `${c} &`).join(' ')} wait`;
  let script: string;
  const dbusArgs: string[] = [];
  if (kind === 'unlocked') script = `printf %s chartdesk-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; ${body}`;
  else if (kind === 'locked') script = `gnome-keyring-daemon --start --components=secrets >/dev/null 2>&1 </dev/null; ${body}`;
  else {
    const config = path.join(home, 'bare-bus.conf');
    writeFileSync(config, BARE_BUS);
    dbusArgs.push(`--config-file=${config}`);
    script = body;
  }
  return run('dbus-run-session', [...dbusArgs, '--', 'sh', '-c', script], { env, timeoutMs }).then((result) => ({
    ...result,
    // dbus-daemon complains about fd limits in containers; that is not the child's output.
    stderr: result.stderr
      .split('\n')
      .filter((line) => !/dbus-daemon\[\d+\]|^\s*$|gnome-keyring-daemon|gcr-prompter|Gtk-WARNING|SystemPrompter/.test(line))
      .join('\n'),
  }));
}
