/** The chartdesk CLI end to end: the built bin against the sandbox, credentials from the environment only. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { SHARED_DATA } from '../../support/paths';
import { startHttps } from '../../unit/http/servers';
import { makeTlsFixtures } from '../../unit/http/tls-fixtures';
import { isolatedCliEnv, runChartdesk, type CliRun } from '../../support/run-cli';

const CERT_FILE = path.join(SHARED_DATA, 'auth', 'chartmuseum-example-server.pem');
/** A throwaway home, so no run reads or writes the user's real repo list. */
const HOME = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-cli-flow-'));


/** Runs the CLI asynchronously (the sandbox lives in this process), optionally feeding stdin. */
function chartdesk(args: string[], env: Record<string, string> = {}, stdin?: string): Promise<CliRun> {
  return runChartdesk(args, { env: isolatedCliEnv(HOME, env), timeoutMs: 20_000, ...(stdin !== undefined ? { stdin } : {}) });
}

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(async () => {
  await sb.close();
  rmSync(HOME, { recursive: true, force: true });
});

describe('chartdesk get', () => {
  it('prints the index with CHARTDESK_SECRET=MASTERKEY', async () => {
    const run = await chartdesk(['get', `${sb.repoUrl}/org1/repo1/index.yaml`], { CHARTDESK_SECRET: 'MASTERKEY' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('apiVersion: v1');
    expect(run.stdout).toContain('mychart');
    expect(run.stderr).toBe('');
  });

  it('--trace shows challenge -> token -> retry with the key and the token redacted', async () => {
    const run = await chartdesk(['get', `${sb.repoUrl}/org1/repo1/index.yaml`, '--trace'], { CHARTDESK_SECRET: 'MASTERKEY' });
    expect(run.code).toBe(0);
    const steps = run.stderr.split('\n').filter((l) => /^\[(challenge|token|retry)\] (GET|POST)/.test(l));
    expect(steps.map((l) => l.replace(/ in \d+ ms.*/, ''))).toEqual([
      `[challenge] GET ${sb.repoUrl}/org1/repo1/index.yaml -> 401`,
      `[token] POST ${sb.tokenUrl}?grant_type=client_credentials&scope=artifact-repository:org1/repo1:pull -> 200`,
      `[retry] GET ${sb.repoUrl}/org1/repo1/index.yaml -> 200`,
    ]);
    expect(run.stderr).toContain('> authorization: Bearer ‹redacted›');
    expect(run.stderr).toMatch(/> authorization: Bearer eyJh….{4}\n/);
    expect(run.stderr).not.toContain('MASTERKEY');
    expect(run.stderr).not.toMatch(/eyJ[\w-]{10,}\.[\w-]{10,}/);
  });

  it('fails with one line naming the step and the reason for a wrong key, without echoing it', async () => {
    const run = await chartdesk(['get', `${sb.repoUrl}/org1/repo1/index.yaml`], { CHARTDESK_SECRET: 'WRONG-KEY-123' });
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/^chartdesk get: token failed: The token server at http:\/\/localhost:\d+ rejected the API key \(HTTP 401\)/);
    expect(run.stderr).not.toContain('WRONG-KEY-123');
  });

  it('exits non-zero with the status when no secret is given, and for a missing file', async () => {
    const unauthorized = await chartdesk(['get', `${sb.repoUrl}/org1/repo1/index.yaml`]);
    expect(unauthorized.code).toBe(1);
    expect(unauthorized.stderr).toContain('HTTP 401');
    const missing = await chartdesk(['get', `${sb.repoUrl}/org1/repo1/nothing.yaml`], { CHARTDESK_SECRET: 'MASTERKEY' });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('HTTP 404');
  });
});

describe('chartdesk get against a basic-auth repo', () => {
  it('answers a Basic challenge with CHARTDESK_USERNAME and CHARTDESK_SECRET', async () => {
    const basic = await startSandbox({ auth: 'basic', basicUsers: { ci: 'ci-password-123' } });
    try {
      const ok = await chartdesk(['get', `${basic.repoUrl}/org1/repo1/index.yaml`, '--trace'], { CHARTDESK_USERNAME: 'ci', CHARTDESK_SECRET: 'ci-password-123' });
      expect(ok.code).toBe(0);
      expect(ok.stdout).toContain('mychart');
      expect(ok.stderr).toContain('> authorization: Basic ‹redacted›');
      expect(ok.stderr).not.toContain('ci-password-123');
      const wrong = await chartdesk(['get', `${basic.repoUrl}/org1/repo1/index.yaml`], { CHARTDESK_USERNAME: 'ci', CHARTDESK_SECRET: 'nope-nope' });
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toMatch(/^chartdesk get: request failed: The repo rejected the user name and password/);
    } finally {
      await basic.close();
    }
  });
});

describe('chartdesk get over https', () => {
  it('fails on an untrusted certificate, trusts --ca-file, and warns with --insecure', async () => {
    const pki = makeTlsFixtures();
    const server = await startHttps({ key: pki.serverKey, cert: pki.serverCert }, (_req, res) => res.end('apiVersion: v1\n'));
    try {
      const url = `${server.origin}/index.yaml`;
      const untrusted = await chartdesk(['get', url]);
      expect(untrusted.code).toBe(1);
      expect(untrusted.stderr).toMatch(/^chartdesk get: request failed: Could not establish a secure connection/);
      const trusted = await chartdesk(['get', url, '--ca-file', pki.caFile]);
      expect([trusted.code, trusted.stdout, trusted.stderr]).toEqual([0, 'apiVersion: v1\n', '']);
      const insecure = await chartdesk(['get', url, '--insecure']);
      expect(insecure.code).toBe(0);
      expect(insecure.stderr).toContain('warning: TLS certificate verification is off');
    } finally {
      await server.close();
      pki.cleanup();
    }
  });
});

describe('chartdesk token and decode', () => {
  it('prints a raw token that decode verifies against the example certificate', async () => {
    const token = await chartdesk(['token', `${sb.repoUrl}/org1/repo1`], { CHARTDESK_SECRET: 'MASTERKEY' });
    expect(token.code).toBe(0);
    expect(token.stdout).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const decoded = await chartdesk(['decode', '--key', CERT_FILE], {}, token.stdout);
    expect(decoded.code).toBe(0);
    const json = JSON.parse(decoded.stdout) as Record<string, unknown>;
    expect(json).toMatchObject({ verified: true, expired: false, header: { alg: 'RS256', typ: 'JWT' } });
    expect((json.claims as { access: unknown }).access).toEqual([{ type: 'artifact-repository', name: 'org1/repo1', actions: ['pull'] }]);
  });

  it('--json prints the token with header, claims, expiry, scope and dialect', async () => {
    const run = await chartdesk(['token', `${sb.repoUrl}/org1/repo1`, '--scope', 'pull,push', '--json'], { CHARTDESK_SECRET: 'MASTERKEY' });
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['token', 'header', 'claims', 'expiresAt', 'scope', 'dialect']);
    expect(json).toMatchObject({ scope: 'artifact-repository:org1/repo1:pull,push', dialect: 'A' });
    expect(Date.parse(json.expiresAt as string)).toBeGreaterThan(Date.now());
  });

  it('decode says an expired README token is expired but correctly signed, exit 1', async () => {
    const line = readFileSync(path.join(SHARED_DATA, 'auth', 'readme-tokens.txt'), 'utf8').split('\n').find((l) => l.includes('eyJ')) ?? '';
    const run = await chartdesk(['decode', '--key', CERT_FILE], {}, line.slice(line.lastIndexOf(' ') + 1));
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ expired: true, verified: false, reason: expect.stringContaining('signature is valid') });
  });

  it('decode rejects garbage with one line', async () => {
    const run = await chartdesk(['decode'], {}, 'definitely not a token');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^chartdesk decode: decode failed: This is not a JWT/);
  });
});
