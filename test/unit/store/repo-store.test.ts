import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChartDeskError } from '../../../electron/core/errors';
import { createRepoStore, type RepoFields } from '../../../electron/core/store/repo-store';

let dir: string;
let notices: string[];

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-store-'));
  notices = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const open = () => createRepoStore({ dataDir: dir, notify: (_level, message) => notices.push(message) });
const fields = (name: string, url = `https://charts.example.com/${name}`): RepoFields => ({
  name,
  kind: 'http',
  url,
  charts: [],
  auth: { mode: 'none', dialect: 'auto' },
  tls: { insecureSkipVerify: false },
  passCredentialsAll: false,
});
const file = () => path.join(dir, 'repos.json');
const onDisk = () => JSON.parse(readFileSync(file(), 'utf8')) as { schemaVersion: number; repos: { name: string }[] };

describe('repo store', () => {
  it('keeps repos across instances, in the user’s order', async () => {
    const a = await open().add(fields('alpha'));
    const b = await open().add(fields('beta'));
    await open().reorder([b.id, a.id]);
    expect((await open().list()).map((r) => r.name)).toEqual(['beta', 'alpha']);
    expect(onDisk()).toMatchObject({ schemaVersion: 3, repos: [{ name: 'beta' }, { name: 'alpha' }] });
  });

  it('updates and removes by id and refuses a duplicate name or an incomplete order', async () => {
    const store = open();
    const a = await store.add(fields('alpha'));
    await store.add(fields('beta'));
    await expect(store.add(fields('ALPHA'))).rejects.toMatchObject({ kind: 'conflict' });
    await expect(store.update(a.id, (r) => ({ ...r, name: 'Beta' }))).rejects.toMatchObject({ kind: 'conflict' });
    await expect(store.reorder([a.id])).rejects.toMatchObject({ kind: 'conflict' });
    const renamed = await store.update(a.id, (r) => ({ ...r, name: 'gamma', passCredentialsAll: true }));
    expect(renamed).toMatchObject({ id: a.id, name: 'gamma', passCredentialsAll: true });
    await store.remove(a.id);
    expect((await store.list()).map((r) => r.name)).toEqual(['beta']);
    await expect(store.remove(a.id)).rejects.toBeInstanceOf(ChartDeskError);
  });

  it('writes the file privately and keeps the previous version as a backup', async () => {
    const store = open();
    await store.add(fields('alpha'));
    await store.add(fields('beta'));
    const backup = JSON.parse(readFileSync(`${file()}.bak`, 'utf8')) as { repos: { name: string }[] };
    expect(backup.repos.map((r) => r.name)).toEqual(['alpha']);
    if (process.platform !== 'win32') expect(statSync(file()).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });

  it('migrates a version 1 file (flat TLS fields) and writes version 3 on the next change', async () => {
    const v1 = {
      schemaVersion: 1,
      repos: [{ id: 'r1', name: 'old', url: 'https://old.example.com', auth: { mode: 'none', dialect: 'auto' }, passCredentialsAll: false, caFile: '/etc/ca.pem', insecureSkipTlsVerify: true }],
    };
    writeFileSync(file(), JSON.stringify(v1));
    const store = open();
    expect(await store.list()).toEqual([
      { id: 'r1', name: 'old', kind: 'http', url: 'https://old.example.com', charts: [], auth: { mode: 'none', dialect: 'auto' }, passCredentialsAll: false, tls: { caFile: '/etc/ca.pem', insecureSkipVerify: true } },
    ]);
    expect(onDisk().schemaVersion).toBe(1);
    await store.add(fields('new'));
    expect(onDisk()).toMatchObject({ schemaVersion: 3, repos: [{ name: 'old', tls: { caFile: '/etc/ca.pem', insecureSkipVerify: true } }, { name: 'new' }] });
    expect(JSON.parse(readFileSync(`${file()}.bak`, 'utf8'))).toEqual(v1);
  });

  it('refuses to touch a file written by a newer version, without calling it corrupt', async () => {
    writeFileSync(file(), JSON.stringify({ schemaVersion: 4, repos: [], somethingNew: true }));
    await expect(open().list()).rejects.toMatchObject({ kind: 'store', message: expect.stringMatching(/newer version/) });
    await expect(open().add(fields('x'))).rejects.toMatchObject({ kind: 'store' });
    expect(readdirSync(dir).some((n) => n.includes('corrupt'))).toBe(false);
    expect(onDisk().schemaVersion).toBe(4);
  });

  it('recovers a damaged file from the backup, keeps the bad file aside and tells the user', async () => {
    const store = open();
    await store.add(fields('alpha'));
    await store.add(fields('beta'));
    writeFileSync(file(), '{"schemaVersion":2,"repos":[{"id":"x","na');
    const recovered = await open().list();
    expect(recovered.map((r) => r.name)).toEqual(['alpha']);
    const aside = readdirSync(dir).filter((n) => n.startsWith('repos.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(path.join(dir, aside[0] as string), 'utf8')).toContain('"na');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/damaged.*kept aside.*backup/);
    expect(onDisk().repos.map((r) => r.name)).toEqual(['alpha']);
  });

  it('starts empty, and says so, when both the file and its backup are damaged', async () => {
    writeFileSync(file(), 'not json');
    writeFileSync(`${file()}.bak`, JSON.stringify({ schemaVersion: 2, repos: [{ id: 1 }] }));
    expect(await open().list()).toEqual([]);
    expect(notices[0]).toMatch(/no usable backup/);
    await open().add(fields('fresh'));
    expect(onDisk().repos.map((r) => r.name)).toEqual(['fresh']);
  });
});
