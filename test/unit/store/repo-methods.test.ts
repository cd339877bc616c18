/** The repo methods of the contract, called through the dispatcher as the UI calls them (keychain turned off: session-only). */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app-core';
import { bootCore } from '../../../electron/core/boot';
import { silentLogger } from '../../../electron/core/log';

let dir: string;
let core: Core;
let events: { name: string; payload: unknown }[];

async function boot(extraEnv: NodeJS.ProcessEnv = {}): Promise<Core> {
  const booted = await bootCore({ transport: 'browser', dataDir: path.join(dir, 'data'), log: silentLogger, env: { CHARTDESK_KEYCHAIN: 'off', ...extraEnv }, homeDir: dir });
  booted.context.events.subscribe((name, payload) => events.push({ name, payload }));
  return booted;
}

async function call<T = unknown>(name: string, args: unknown): Promise<T> {
  const result = await core.dispatcher.call(name, args);
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return result.value as T;
}

type RepoOut = { id: string; name: string; url: string; hasSecret: boolean; auth: { mode: string; username?: string } };

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-methods-'));
  events = [];
  core = await boot();
});
afterEach(async () => {
  await core.context.flow.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('repo methods', () => {
  it('adds, edits, reorders and removes repos, announcing each change', async () => {
    const a = await call<RepoOut>('addRepo', { name: 'alpha', url: 'cm://charts.example.com/team/' });
    expect(a).toMatchObject({ name: 'alpha', url: 'https://charts.example.com/team', auth: { mode: 'none' }, hasSecret: false });
    const b = await call<RepoOut>('addRepo', { name: 'beta', url: 'http://localhost:8080/org1/repo1', auth: { mode: 'basic', username: 'u' }, secret: 'pw-1' });
    expect(b.hasSecret).toBe(true);
    await call('updateRepo', { repoId: a.id, changes: { name: 'alpha-2', passCredentialsAll: true } });
    expect((await call<RepoOut[]>('reorderRepos', { repoIds: [b.id, a.id] })).map((r) => r.name)).toEqual(['beta', 'alpha-2']);
    await call('removeRepo', { repoId: b.id });
    expect((await call<RepoOut[]>('listRepos', {})).map((r) => r.name)).toEqual(['alpha-2']);
    expect(events.map((e) => e.name)).toEqual(['reposChanged', 'reposChanged', 'reposChanged', 'reposChanged', 'reposChanged']);
    expect(events.at(-1)?.payload).toEqual({ repos: [expect.objectContaining({ name: 'alpha-2', passCredentialsAll: true })] });
  });

  it('refuses bad URLs and settings with messages that never echo a credential', async () => {
    await expect(call('addRepo', { name: 'x', url: 'javascript:alert(1)' })).rejects.toMatchObject({ kind: 'bad-request' });
    const withPassword = call('addRepo', { name: 'x', url: 'https://user:hunter2pass@charts.example.com' });
    await expect(withPassword).rejects.toMatchObject({ kind: 'bad-request', message: expect.stringMatching(/must not contain a user name or password/) });
    await expect(withPassword).rejects.not.toMatchObject({ message: expect.stringContaining('hunter2pass') });
    await expect(call('addRepo', { name: 'x', url: 'https://a.example.com', auth: { mode: 'basic' } })).rejects.toMatchObject({ message: 'Basic authentication needs a user name.' });
    const extra = call('addRepo', { name: 'x', url: 'https://a.example.com', password: 'topsecret-value' });
    await expect(extra).rejects.toMatchObject({ kind: 'bad-request' });
    await expect(extra).rejects.not.toMatchObject({ message: expect.stringContaining('topsecret-value') });
    await call('addRepo', { name: 'Dup', url: 'https://a.example.com' });
    await expect(call('addRepo', { name: 'dup', url: 'https://b.example.com' })).rejects.toMatchObject({ kind: 'conflict' });
    expect(readdirSync(path.join(dir, 'data'))).toEqual(['repos.json']);
  });

  it('sets, reveals and clears a credential; without a keychain it stays in memory and says so', async () => {
    const repo = await call<RepoOut>('addRepo', { name: 'r', url: 'https://a.example.com', auth: { mode: 'token-server' } });
    const set = await call<{ repo: RepoOut; keychain: { state: string; detail: string } }>('setCredential', { repoId: repo.id, secret: 'api-key-123', username: 'svc' });
    expect(set.repo).toMatchObject({ hasSecret: true, auth: { username: 'svc' } });
    expect(set.keychain).toEqual({ state: 'session-only', detail: expect.stringMatching(/CHARTDESK_KEYCHAIN=off.*memory for this session only/) });
    expect((await call<{ keychain: { state: string } }>('appInfo', {})).keychain.state).toBe('session-only');
    expect(await call('revealCredential', { repoId: repo.id })).toEqual({ secret: 'api-key-123', username: 'svc' });
    expect(readFileSync(path.join(dir, 'data', 'repos.json'), 'utf8')).not.toContain('api-key-123');
    expect(readdirSync(path.join(dir, 'data')).some((n) => n.startsWith('vault'))).toBe(false);
    expect(await call<RepoOut>('clearCredential', { repoId: repo.id })).toMatchObject({ hasSecret: false });
    expect(await call('revealCredential', { repoId: repo.id })).toEqual({ secret: null, username: 'svc' });
  });

  it('exports helm commands and imports Helm’s file from HELM_REPOSITORY_CONFIG', async () => {
    const helmFile = path.join(dir, 'helm-repos.yaml');
    writeFileSync(helmFile, 'apiVersion: ""\nrepositories:\n- name: stable\n  url: https://charts.helm.sh/stable\n');
    await core.context.flow.close();
    core = await boot({ HELM_REPOSITORY_CONFIG: helmFile });
    const report = await call<{ path: string; imported: { name: string; repoId: string }[] }>('importHelmRepos', {});
    expect(report.path).toBe(helmFile);
    expect(report.imported.map((i) => i.name)).toEqual(['stable']);
    const commands = await call<{ script: string }>('exportRepoCommands', { repoId: report.imported[0]?.repoId });
    expect(commands.script).toBe('# For Helm 3 and Helm 4 (the same commands).\nhelm repo add stable https://charts.helm.sh/stable\n');
  });

  it('lists a notice when the repo list had to be recovered from its backup', async () => {
    await call('addRepo', { name: 'one', url: 'https://one.example.com' });
    await call('addRepo', { name: 'two', url: 'https://two.example.com' });
    writeFileSync(path.join(dir, 'data', 'repos.json'), '{ torn');
    await core.context.flow.close();
    core = await boot();
    expect((await call<RepoOut[]>('listRepos', {})).map((r) => r.name)).toEqual(['one']);
    const notices = await call<{ level: string; message: string }[]>('listNotices', {});
    expect(notices).toEqual([expect.objectContaining({ level: 'warning', message: expect.stringMatching(/damaged.*repos\.json\.corrupt-.*backup/) })]);
  });
});
