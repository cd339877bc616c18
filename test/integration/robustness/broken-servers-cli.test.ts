/**
 * The real `chartdesk` CLI against broken token servers and repos: one line on stderr naming the
 * failed step, exit 1, never the API key, never a crash or a hang.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttp } from '../../unit/http/servers';
import { API_KEY, startBrokenPair, stackTraceWith, type BrokenPair, type TokenBehaviour } from './broken-servers';
import { isolatedCliEnv, runChartdesk, type CliRun } from '../../support/run-cli';

const HOME = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-broken-cli-'));


function chartdesk(args: string[]): Promise<CliRun> {
  return runChartdesk(args, { env: isolatedCliEnv(HOME, { CHARTDESK_SECRET: API_KEY }), timeoutMs: 25_000 });
}

/** Exit 1 with exactly one stderr line `chartdesk <command>: <step> failed: …`, and no secret anywhere. */
function expectOneLine(run: CliRun, command: string, step: string): string {
  expect(run.code).toBe(1);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^chartdesk ${command}: ${step} failed: `));
  expect(run.stdout + run.stderr).not.toContain(API_KEY);
  expect(run.stderr).not.toMatch(/unexpected failure|Traceback/);
  return lines[0] as string;
}

let pair: BrokenPair;
beforeAll(async () => {
  pair = await startBrokenPair();
});
afterAll(async () => {
  await pair.close();
  rmSync(HOME, { recursive: true, force: true });
});

describe('chartdesk get with a broken token server', () => {
  const cases: Array<[string, TokenBehaviour, RegExp]> = [
    ['200 with an HTML page', (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Sign in</body></html>'), /answered with something that is not JSON/],
    ['200 with {}', (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'), /answered without a token/],
    ['500 with a stack trace holding the key', (_req, res) => res.writeHead(500).end(stackTraceWith(API_KEY)), /answered HTTP 500/],
    ['a redirect loop', (req, res) => res.writeHead(302, { location: req.url ?? '/' }).end(), /redirect/i],
  ];
  it.each(cases)('%s: one line naming the token step', async (_name, behaviour, reason) => {
    pair.behave(behaviour);
    const line = expectOneLine(await chartdesk(['get', pair.indexUrl]), 'get', 'token');
    expect(line).toMatch(reason);
  });
});

describe('chartdesk get with a repo that challenges badly', () => {
  it.each([
    ['no WWW-Authenticate', {}, /401 without a WWW-Authenticate challenge/],
    ['a garbage WWW-Authenticate', { 'www-authenticate': '%%%,,, ="=' }, /WWW-Authenticate header could not be understood/],
  ])('401 with %s: one line naming the challenge step', async (_name, headers, reason) => {
    const server = await startHttp((_req, res) => res.writeHead(401, headers).end());
    try {
      const line = expectOneLine(await chartdesk(['get', `${server.origin}/index.yaml`]), 'get', 'challenge');
      expect(line).toMatch(reason);
    } finally {
      await server.close();
    }
  });
});

describe('chartdesk with a repo whose body is a lie', () => {
  beforeAll(() => {
    pair.behave((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"token":"opaque-good","expires_in":300}'));
  });

  it('get: a declared 10 GB that closes early is refused at once as too large', async () => {
    pair.onAuthorized((_req, res) => {
      res.writeHead(200, { 'content-length': String(10 * 1024 ** 3) });
      res.write(Buffer.alloc(64 * 1024, 0x61));
      setTimeout(() => res.destroy(), 50);
    });
    const line = expectOneLine(await chartdesk(['get', pair.indexUrl]), 'get', 'retry');
    expect(line).toContain('The response is larger than the 256.0 MiB limit.');
  });

  it('index: a 300 MB index streamed without a length stops at the cap, before the server sent it all', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    let written = 0;
    pair.onAuthorized((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/x-yaml' });
      res.write('apiVersion: v1\nentries:\n  big:\n  - name: big\n    description: |\n');
      let left = 300;
      const pump = () => {
        while (left > 0 && !res.destroyed) {
          left--;
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        if (!res.destroyed) res.end();
      };
      res.on('close', () => (left = 0));
      pump();
    });
    const line = expectOneLine(await chartdesk(['index', `${pair.repo.origin}/org1/repo1`]), 'index', 'retry');
    expect(line).toMatch(/The index is larger than the 256 MB index size cap/);
    expect(written).toBeLessThan(300 * 1024 * 1024);
  });
});
