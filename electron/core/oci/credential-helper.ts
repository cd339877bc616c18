/**
 * Runs Docker credential helpers (`docker-credential-<name>`) as their protocol says: the action as
 * the only argument, the server URL on stdin, JSON on stdout. No shell, a timeout, an output cap.
 */
import { spawn } from 'node:child_process';
import { ChartDeskError } from '../errors';

/** A credential a helper gave: a user name and password, or an identity token (user name `<token>`). */
export interface HelperCredential {
  username: string;
  secret: string;
  identityToken: boolean;
}

/** Runs one helper action; resolves stdout, rejects with a ChartDeskError saying why. */
export type HelperRunner = (helper: string, action: 'get' | 'list', input: string) => Promise<string>;

/** Most output read from a helper. */
const MAX_OUTPUT = 64 * 1024;

/** What the real runner needs. */
export interface HelperRunnerOptions {
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

/** Runs helpers found on the PATH. */
export function createHelperRunner(options: HelperRunnerOptions = {}): HelperRunner {
  return (helper, action, input) =>
    new Promise((resolve, reject) => {
      if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(helper)) {
        reject(new ChartDeskError('bad-request', 'credential-helper', `“${helper.slice(0, 64)}” is not a credential helper name.`));
        return;
      }
      const program = `docker-credential-${helper}`;
      const child = spawn(program, [action], { env: options.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'], shell: false });
      const out: Buffer[] = [];
      let size = 0;
      let err = '';
      let settled = false;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
      };
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        finish(() => reject(new ChartDeskError('timeout', 'credential-helper', `${program} did not answer within ${Math.round((options.timeoutMs ?? 10_000) / 1000)} s.`)));
      }, options.timeoutMs ?? 10_000);
      child.on('error', (error: NodeJS.ErrnoException) =>
        finish(() =>
          reject(
            error.code === 'ENOENT'
              ? new ChartDeskError('not-found', 'credential-helper', `The credential helper ${program} is not installed (it is not on the PATH).`, { hint: 'Install it, or log in again with a tool that stores the password in the file.' })
              : new ChartDeskError('internal', 'credential-helper', `${program} could not be started (${error.code ?? 'error'}).`),
          ),
        ),
      );
      child.stdout.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_OUTPUT) {
          child.kill('SIGKILL');
          finish(() => reject(new ChartDeskError('too-large', 'credential-helper', `${program} wrote more than 64 KiB.`)));
          return;
        }
        out.push(chunk);
      });
      child.stderr.on('data', (chunk: Buffer) => {
        if (err.length < 2048) err += chunk.toString('utf8');
      });
      child.on('close', (code) =>
        finish(() => {
          const stdout = Buffer.concat(out).toString('utf8');
          if (code === 0) return resolve(stdout);
          // Helpers print the reason on stdout ("credentials not found in native keychain").
          const reason = (stdout || err).replace(/[^\x20-\x7e]+/g, ' ').trim().slice(0, 200) || `exit code ${code ?? 'unknown'}`;
          reject(new ChartDeskError('not-found', 'credential-helper', `${program} ${action}: ${reason}.`));
        }),
      );
      child.stdin.on('error', () => undefined);
      child.stdin.end(input);
    });
}

/** Asks a helper for the credential of a server. */
export async function helperGet(run: HelperRunner, helper: string, serverUrl: string): Promise<HelperCredential> {
  const stdout = await run(helper, 'get', serverUrl);
  let parsed: { Username?: unknown; Secret?: unknown };
  try {
    parsed = JSON.parse(stdout) as typeof parsed;
  } catch {
    throw new ChartDeskError('http', 'credential-helper', `docker-credential-${helper} answered something that is not JSON.`);
  }
  if (typeof parsed.Secret !== 'string' || parsed.Secret === '') throw new ChartDeskError('not-found', 'credential-helper', `docker-credential-${helper} has no secret for ${serverUrl.slice(0, 100)}.`);
  const username = typeof parsed.Username === 'string' ? parsed.Username : '';
  return { username: username === '<token>' ? '' : username, secret: parsed.Secret, identityToken: username === '<token>' };
}

/** The servers a helper holds credentials for (`list`: server URL → user name). */
export async function helperList(run: HelperRunner, helper: string): Promise<string[]> {
  const stdout = await run(helper, 'list', '');
  try {
    const parsed = JSON.parse(stdout) as unknown;
    return parsed && typeof parsed === 'object' ? Object.keys(parsed).slice(0, 10_000) : [];
  } catch {
    return [];
  }
}
