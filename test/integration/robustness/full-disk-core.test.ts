/**
 * A full disk under the data folder, through the real core (dispatcher, repo store, offline index
 * copies, package cache): saving fails with a clear 'store' error and loses nothing; caches that
 * cannot write only log a warning.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/core/app-core';
import { bootCore } from '../../../electron/core/boot';
import type { Logger } from '../../../electron/core/log';
import { DIST, SHARED_DATA } from '../../support/paths';
import { startStaticRepo, type StaticRepo } from '../index/static-repo';
import { mountTinyDisk, type TinyDisk } from './tiny-disk';

type Failure = { kind: string; step: string; message: string; hint?: string };

let disk: TinyDisk;
let core: Core;
let dataDir: string;
const warnings: string[] = [];
const logger: Logger = { info() {}, warn: (message, fields) => warnings.push(`${message} ${JSON.stringify(fields ?? {})}`), error() {} };

async function call<T = Record<string, unknown>>(name: string, args: unknown): Promise<T> {
  const envelope = await core.dispatcher.call(name, args);
  if (!envelope.ok) throw Object.assign(new Error(envelope.error.message), envelope.error);
  return envelope.value as T;
}
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e as Failure);
const names = async () => (await call<Array<{ name: string }>>('listRepos', {})).map((r) => r.name);
const tempFiles = () => disk.files().filter((f) => /\.tmp-/.test(f));

beforeAll(async () => {
  disk = mountTinyDisk();
  dataDir = path.join(disk.dir, 'data');
  core = await bootCore({ transport: 'browser', dataDir, log: logger, env: { CHARTDESK_KEYCHAIN: 'off' }, homeDir: disk.dir, indexWorkerPath: path.join(DIST, 'index-worker.cjs') });
});
afterEach(() => disk.free());
afterAll(async () => {
  await core?.context.flow.close();
  disk?.unmount();
});

describe('the repo list on a full disk', () => {
  it('refuses to add or change a repo with a store error saying the disk is full, and keeps repos.json and its backup', async () => {
    const first = await call<{ id: string }>('addRepo', { name: 'first', url: 'https://charts.example.com/first' });
    await call('updateRepo', { repoId: first.id, changes: { url: 'https://charts.example.com/first-moved' } });
    const before = readFileSync(path.join(dataDir, 'repos.json'), 'utf8');
    const backupBefore = readFileSync(path.join(dataDir, 'repos.json.bak'), 'utf8');

    disk.fill();
    const add = await failure(call('addRepo', { name: 'second', url: 'https://charts.example.com/second' }));
    expect(add).toMatchObject({ kind: 'store', step: 'save' });
    expect(add?.message).toBe('Could not save your repo list: the disk is full (ENOSPC). Nothing was changed.');
    expect(add?.hint).toMatch(/Free some space/);
    const update = await failure(call('updateRepo', { repoId: first.id, changes: { name: 'renamed' } }));
    expect(update).toMatchObject({ kind: 'store', message: expect.stringContaining('the disk is full (ENOSPC)') });

    expect(readFileSync(path.join(dataDir, 'repos.json'), 'utf8')).toBe(before);
    expect(JSON.parse(readFileSync(path.join(dataDir, 'repos.json.bak'), 'utf8'))).toEqual(JSON.parse(backupBefore));
    expect(await names()).toEqual(['first']);
    expect(tempFiles()).toEqual([]);

    disk.free();
    await call('addRepo', { name: 'second', url: 'https://charts.example.com/second' });
    expect(await names()).toEqual(['first', 'second']);
  });
});

describe('caches on a full disk', () => {
  let server: StaticRepo;
  beforeAll(async () => {
    server = await startStaticRepo();
  });
  afterAll(() => server.close());

  it('still opens an index and a verified chart version when neither the offline copy nor the package can be written', async () => {
    const tgz = readFileSync(path.join(SHARED_DATA, 'charts', 'grafana-5.3.1.tgz'));
    const digest = createHash('sha256').update(tgz).digest('hex');
    server.put('/full/grafana-5.3.1.tgz', tgz);
    server.put('/full/index.yaml', `apiVersion: v1\nentries:\n  grafana:\n  - apiVersion: v1\n    name: grafana\n    version: 5.3.1\n    urls:\n    - grafana-5.3.1.tgz\n    digest: ${digest}\ngenerated: "2024-01-01T00:00:00Z"\n`);
    const repo = await call<{ id: string }>('addRepo', { name: 'cached', url: `${server.origin}/full` });
    warnings.length = 0;

    disk.fill();
    expect(await call('openIndex', { repoId: repo.id })).toMatchObject({ chartCount: 1, offline: false });
    const version = await call<{ verified: boolean }>('openChartVersion', { repoId: repo.id, name: 'grafana', version: '5.3.1' });
    expect(version.verified).toBe(true);

    expect(warnings.some((w) => w.startsWith('could not store the offline index copy') && w.includes('ENOSPC'))).toBe(true);
    expect(warnings.some((w) => w.startsWith('could not cache a chart package') && w.includes('ENOSPC'))).toBe(true);
    expect(tempFiles()).toEqual([]);
    expect(disk.files().filter((f) => f.endsWith('.tgz') || f.endsWith('index.body'))).toEqual([]);
  });
});
