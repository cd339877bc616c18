/**
 * The promise to users: a secret given to ChartDesk, and the tokens it obtains with it, end up in
 * no file ChartDesk writes, no log and no stderr. A full flow against the sandbox with a known
 * secret, through the real CLI and the app's core, then a scan of everything they wrote.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox';
import { bundleFixture, CLI, makeHome, runNodeIn, type ChildResult } from './support/child';

const SECRET = `ck-${randomBytes(18).toString('hex')}`;
let sandbox: Sandbox;
let home: string;
let appFixture: string;

beforeAll(async () => {
  sandbox = await startSandbox({ masterKey: SECRET });
  home = makeHome();
  appFixture = bundleFixture('app-flow');
});
afterAll(async () => {
  await sandbox?.close();
  rmSync(home, { recursive: true, force: true });
  rmSync(appFixture, { force: true });
});

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

function tokensSeenBySandbox(): string[] {
  return sandbox.requests
    .filter((r) => r.server === 'repo')
    .map((r) => /^Bearer (\S+)$/i.exec(r.headers.authorization ?? '')?.[1])
    .filter((t): t is string => Boolean(t) && t !== SECRET);
}

describe('no secret or token leaks to disk, logs or stderr', () => {
  it('holds through CLI add, token, get, test and export and through the app core', async () => {
    const dataDir = path.join(home, 'chartdesk');
    const logFile = path.join(home, 'app.log');
    const repoUrl = `${sandbox.repoUrl}/org1/repo1`;
    const cli = (args: string[], input?: string) => runNodeIn('unlocked', home, [CLI, ...args], { env: { CHARTDESK_HOME: dataDir }, ...(input !== undefined ? { input } : {}) });
    const quiet: ChildResult[] = [];

    const add = await cli(['repos', 'add', 'sandbox', repoUrl, '--auth', 'token-server', '--dialect', 'A'], `${SECRET}\n`);
    expect(add).toMatchObject({ code: 0, stderr: '' });
    quiet.push(add);

    const token = await cli(['token', 'sandbox']);
    expect(token.stderr).toBe('');
    expect(token.code).toBe(0);
    const cliToken = token.stdout.trim();
    expect(cliToken).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);

    const get = await cli(['get', `${repoUrl}/index.yaml`]);
    expect(get).toMatchObject({ code: 0, stderr: '' });
    expect(get.stdout).toContain('mychart');

    const tested = await cli(['repos', 'test', 'sandbox']);
    expect(tested.code).toBe(0);
    expect(tested.stdout).toMatch(/^OK: The repo accepted the request \(HTTP 200\)/);
    quiet.push(tested);

    const exported = await cli(['repos', 'export', 'sandbox']);
    expect(exported.stdout).toContain(`export HELM_REPO_ACCESS_TOKEN="$(chartdesk token sandbox)"`);
    expect(exported.stdout).toContain(`helm repo add sandbox cm://${new URL(repoUrl).host}/org1/repo1`);
    quiet.push(exported);

    const listed = await cli(['repos', 'list']);
    expect(listed.stdout).toMatch(/sandbox\s+http:\/\/localhost:\d+\/org1\/repo1\s+token-server\s+stored/);
    quiet.push(listed);

    const app = await runNodeIn('unlocked', home, [appFixture, repoUrl, logFile], { env: { CHARTDESK_HOME: dataDir }, input: SECRET });
    const report = JSON.parse(app.stdout.trim().split('\n').pop() as string);
    expect(report.crashed).toBeUndefined();
    expect(report.info.value.keychain.state).toBe('available');
    expect(report.wrongId).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    expect(report.tested.value).toMatchObject({ ok: true, status: 200, token: { dialect: 'A', scope: 'artifact-repository:org1/repo1:pull' } });
    expect(report.tested.value.trace.map((t: { step: string }) => t.step)).toEqual(expect.arrayContaining(['challenge', 'token', 'retry']));
    expect(report.listed.value.map((r: { name: string; hasSecret: boolean }) => [r.name, r.hasSecret])).toEqual([['sandbox', true], ['sandbox-app', true]]);
    expect(report.revealMatches).toBe(true);
    quiet.push(app);

    // The CLI's token, get's token and the core's token reached the repo (three requests); tokens
    // for the same scope issued within one second are byte-identical, so count requests, not values.
    const seen = tokensSeenBySandbox();
    expect(seen.length).toBeGreaterThanOrEqual(3);
    const tokens = [...new Set([cliToken, ...seen])];
    const needles = [SECRET, Buffer.from(SECRET).toString('base64'), ...tokens];
    const written = [...filesUnder(dataDir), logFile].map((file) => ({ file, text: readFileSync(file, 'latin1') }));
    expect(readFileSync(logFile, 'utf8')).toContain('reposChanged');
    expect(written.map((w) => path.basename(w.file)).sort()).toEqual(['app.log', 'repos.json', 'repos.json.bak', 'vault.json', 'vault.json.bak']);
    const outputs = [...quiet.flatMap((r, i) => [{ file: `output ${i}`, text: `${r.stdout}\n${r.stderr}` }]), { file: 'token stderr', text: token.stderr }, { file: 'get stderr', text: get.stderr }];
    for (const { file, text } of [...written, ...outputs]) {
      for (const needle of needles) expect(text.includes(needle), `${file} holds a secret or token`).toBe(false);
    }
  });
});
