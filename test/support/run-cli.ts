import { execFile } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from './paths';

/** The built `chartdesk` command, as users run it. */
export const CHARTDESK_BIN = path.join(PROJECT_ROOT, 'bin', 'chartdesk.cjs');

/** What one CLI run printed and how it exited. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** How to run it: the whole environment (nothing inherited), stdin, and a time limit. */
export interface CliRunOptions {
  env: NodeJS.ProcessEnv;
  stdin?: string;
  timeoutMs?: number;
}

/** Runs `chartdesk <args>` in a child process and resolves with its output and exit code. */
export function runChartdesk(args: string[], { env, stdin = '', timeoutMs = 30_000 }: CliRunOptions): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [CHARTDESK_BIN, ...args], { env, timeout: timeoutMs, maxBuffer: 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
    // A program may exit without reading its input: its exit code tells, so EPIPE on this write is no failure.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(stdin);
  });
}

/** An isolated environment for the CLI: its own HOME and data folder, no keychain. */
export function isolatedCliEnv(home: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '', HOME: home, CHARTDESK_HOME: path.join(home, 'data'), CHARTDESK_KEYCHAIN: 'off', ...extra };
}
