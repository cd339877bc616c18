import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DIST } from '../../support/paths';
import { request } from './helpers';

function startCli(args: string[]): Promise<{ child: ChildProcess; banner: string }> {
  // Run from another directory: the bundle must find ../shared/data from dist/ itself.
  const child = spawn(process.execPath, [path.join(DIST, 'sandbox.cjs'), ...args], { cwd: os.tmpdir(), stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no banner within 10 s: ${out}`)), 10_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes('Press Ctrl+C')) {
        clearTimeout(timer);
        resolve({ child, banner: out });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}: ${out}`)));
  });
}

describe('npm run sandbox (dist/sandbox.cjs)', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('prints a walkthrough whose three steps work as printed, and stops cleanly on SIGTERM', async () => {
    const started = await startCli(['--repo-port', '0', '--token-port', '0']);
    child = started.child;
    const indexUrl = /1\. curl -i (\S+)/.exec(started.banner)?.[1] ?? '';
    const tokenUrl = /2\. curl -X POST '([^']+)'/.exec(started.banner)?.[1] ?? '';
    expect((await request(indexUrl)).status).toBe(401);
    const token = JSON.parse((await request(tokenUrl, { method: 'POST', headers: { Authorization: 'Bearer MASTERKEY' } })).text) as { access_token: string };
    const index = await request(indexUrl, { headers: { Authorization: `Bearer ${token.access_token}` } });
    expect(index.status).toBe(200);
    expect(index.text).toContain('mychart');
    const exited = new Promise<number | null>((resolve) => child?.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('refuses an unknown flag with a message and a non-zero exit', async () => {
    await expect(startCli(['--frobnicate'])).rejects.toThrow(/exited with 2: sandbox: Unknown option "--frobnicate"/);
  });
});
