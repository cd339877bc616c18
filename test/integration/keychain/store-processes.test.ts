/** The repo list shared by real processes: concurrent writers lose nothing, a killed writer never leaves a torn file. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseRepoFile } from '../../../electron/core/store/repo-file';
import { createRepoStore } from '../../../electron/core/store/repo-store';
import { bundleFixture, CLI, run } from './support/child';

let worker: string;
let dir: string;

beforeAll(() => {
  worker = bundleFixture('store-worker');
});
afterAll(() => rmSync(worker, { force: true }));
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-procs-'));
  return () => rmSync(dir, { recursive: true, force: true });
});

const storeHere = () => createRepoStore({ dataDir: dir, notify: () => {}, lock: { staleMs: 2000 } });
const fields = (name: string) => ({ name, url: `https://charts.example.com/${name}`, auth: { mode: 'none' as const, dialect: 'auto' as const }, tls: { insecureSkipVerify: false }, passCredentialsAll: false, kind: 'http' as const, charts: [] });

describe('repo list across processes', () => {
  it('keeps every repo when four processes add at the same time', async () => {
    const results = await Promise.all(['a', 'b', 'c', 'd'].map((prefix) => run(process.execPath, [worker, 'add', dir, prefix, '15'], { env: process.env })));
    for (const r of results) expect(r).toMatchObject({ code: 0, stdout: 'done\n' });
    const names = (await storeHere().list()).map((r) => r.name);
    expect(names).toHaveLength(60);
    for (const prefix of ['a', 'b', 'c', 'd']) {
      expect(names.filter((n) => n.startsWith(`${prefix}-`))).toEqual(Array.from({ length: 15 }, (_, i) => `${prefix}-${i}`));
    }
  });

  it('keeps every repo when several `chartdesk repos add` run at once', async () => {
    const env = { ...process.env, CHARTDESK_HOME: dir };
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => run(process.execPath, [CLI, 'repos', 'add', `cli-${i}`, `https://charts.example.com/cli-${i}`], { env })));
    for (const r of results) expect(r.code).toBe(0);
    const list = await run(process.execPath, [CLI, 'repos', 'list', '--json'], { env });
    expect((JSON.parse(list.stdout) as { name: string }[]).map((r) => r.name).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `cli-${i}`).sort());
  });

  it('leaves the old or the new file, never a torn one, when the writer is killed mid-write', async () => {
    const store = storeHere();
    await store.addMany([fields('gen-0'), ...Array.from({ length: 400 }, (_, i) => fields(`padding-${i}`))]); // ~100 KB per write
    for (let round = 0; round < 3; round++) {
      const child = spawn(process.execPath, [worker, 'churn', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
      let acknowledged = 0;
      let output = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => {
        output += d;
        const last = /wrote (\d+)\n$/.exec(output);
        if (last) acknowledged = Number(last[1]);
      });
      const exited = new Promise((resolve) => child.on('close', resolve));
      await new Promise<void>((resolve) => {
        const check = setInterval(() => {
          if (acknowledged > 0) {
            clearInterval(check);
            resolve();
          }
        }, 5);
      });
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 200));
      child.kill('SIGKILL');
      await exited;
      const doc = parseRepoFile(JSON.parse(readFileSync(path.join(dir, 'repos.json'), 'utf8')));
      expect(doc.repos).toHaveLength(401);
      const gen = Number((doc.repos[0]?.name ?? '').replace('gen-', ''));
      expect(gen).toBeGreaterThanOrEqual(acknowledged);
      expect(gen).toBeLessThanOrEqual(acknowledged + 1);
      // A later writer takes over the dead process's lock and the list stays whole.
      await store.update((doc.repos[0] as { id: string }).id, (r) => ({ ...r, name: 'gen-0' }));
    }
    expect((await store.list()).map((r) => r.name).slice(0, 2)).toEqual(['gen-0', 'padding-0']);
    expect(readdirSync(dir).filter((n) => n.includes('.tmp-'))).toEqual([]);
  });
});
