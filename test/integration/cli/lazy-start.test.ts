/**
 * Start-up loads only what a command needs: the built `chartdesk`, run with a preload that records
 * which npm packages it loads and whether it starts a worker thread. (Speed itself is measured in
 * `npm run bench`; this guards the cause.)
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SHARED_DATA } from '../../support/paths';
import { CHARTDESK_BIN, isolatedCliEnv } from '../../support/run-cli';

const DIR = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-lazy-'));
const HOOK = path.join(DIR, 'record-loads.cjs');
writeFileSync(
  HOOK,
  `const Module = require('node:module');
const seen = new Set();
const load = Module._load;
Module._load = function (request, ...rest) {
  if (!request.startsWith('node:') && !request.startsWith('.') && !request.startsWith('/')) seen.add(request);
  return load.call(this, request, ...rest);
};
const threads = require('node:worker_threads');
const Worker = threads.Worker;
threads.Worker = class extends Worker { constructor(...args) { seen.add('worker thread'); super(...args); } };
process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify([...seen].sort()) + '\\n'));
`,
);
afterAll(() => rmSync(DIR, { recursive: true, force: true }));

function loadsOf(args: string[], stdin = ''): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, ['--require', HOOK, CHARTDESK_BIN, ...args], { env: isolatedCliEnv(DIR), maxBuffer: 8 * 1024 * 1024 }, (_error, _stdout, stderr) => {
      const line = stderr.split('\n').find((l) => l.startsWith('LOADED '));
      if (!line) reject(new Error(`no load report: ${stderr.slice(0, 300)}`));
      else resolve(JSON.parse(line.slice(7)) as string[]);
    });
    // A program may exit without reading its input: its exit code tells, so EPIPE on this write is no failure.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(stdin);
  });
}

const HEAVY = ['undici', '@napi-rs/keyring', 'zod', 'yaml', 'proper-lockfile', 'worker thread'];

describe('chartdesk start-up', () => {
  it('loads no package at all for --help, a command’s --help, or --version', async () => {
    expect(await loadsOf(['--help'])).toEqual([]);
    expect(await loadsOf(['search', '--help'])).toEqual([]);
    expect(await loadsOf(['--version'])).toEqual([]);
  });

  it('loads nothing for decode, and jose only to verify with --key', async () => {
    const token = readFileSync(path.join(SHARED_DATA, 'auth', 'readme-tokens.txt'), 'utf8').split('\n').find((l) => l.includes('eyJ'))?.split(' ').pop() ?? '';
    expect(await loadsOf(['decode'], token)).toEqual([]);
    expect(await loadsOf(['decode', '--key', path.join(SHARED_DATA, 'auth', 'chartmuseum-example-server.pem')], token)).toEqual(['jose']);
  });

  it('reads a local index without an HTTP client, keychain, repo store, YAML library or worker', async () => {
    const loaded = await loadsOf(['index', path.join(SHARED_DATA, 'index', 'argo-helm.yaml'), '--json']);
    for (const name of HEAVY) expect(loaded).not.toContain(name);
  });

  it('still loads the full YAML parser for a local index that needs it', async () => {
    // The flow-style "entries:{}" file is outside the fast scanner's layout.
    const loaded = await loadsOf(['index', path.join(SHARED_DATA, 'index', 'helm-push-readme-contextpath-invalid.yaml')]);
    expect(loaded).toContain('yaml');
    expect(loaded).not.toContain('undici');
  });
});
