/** `chartdesk index / pull / push / delete` end to end: the built bin against the sandbox and static repos. */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { SHARED_DATA } from '../../support/paths';
import { startStaticRepo } from './static-repo';
import { isolatedCliEnv, runChartdesk, type CliRun } from '../../support/run-cli';

const HOME = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-cli-charts-'));
const GRAFANA = path.join(SHARED_DATA, 'charts', 'grafana-5.3.1.tgz');


/** Runs the CLI asynchronously (the servers live in this process) with a throwaway home. */
function chartdesk(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  return runChartdesk(args, { env: isolatedCliEnv(HOME, env) });
}

let sb: RunningSandbox;
let repo: string;
const key = { CHARTDESK_SECRET: 'MASTERKEY' };

beforeAll(async () => {
  sb = await startSandbox();
  repo = `${sb.repoUrl}/org1/repo1`;
});
afterAll(async () => {
  await sb.close();
  rmSync(HOME, { recursive: true, force: true });
});

describe('chartdesk index', () => {
  it('lists the charts of a token-protected repo, as a table and as JSON', async () => {
    const table = await chartdesk(['index', repo], key);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^NAME\s+LATEST\s+APP VERSION\s+VERSIONS\s+DESCRIPTION$/);
    expect(table.stdout).toMatch(/^mychart\s+0\.1\.0/m);
    expect(table.stderr).toMatch(/1 chart, 1 version\./);
    const json = await chartdesk(['index', repo, '--json'], key);
    const parsed = JSON.parse(json.stdout) as { index: { chartCount: number }; charts: Array<{ name: string }> };
    expect(parsed.index.chartCount).toBe(1);
    expect(parsed.charts.map((c) => c.name)).toEqual(['mychart']);
  });

  it('searches a real local index file', async () => {
    const run = await chartdesk(['index', path.join(SHARED_DATA, 'index', 'grafana.yaml'), '--search', 'loki', '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { hits: Array<{ chart: { name: string } }> };
    expect(result.hits[0]?.chart.name).toBe('loki');
    expect(result.hits.every((hit) => JSON.stringify(hit).toLowerCase().includes('loki'))).toBe(true);
  });

  it('takes a pasted index.yaml address as its repo folder', async () => {
    const run = await chartdesk(['index', `${repo}/index.yaml`], key);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^mychart\s+0\.1\.0/m);
  });

  it('says a mistyped index file path is not a file (rather than not a repo)', async () => {
    const run = await chartdesk(['index', path.join(HOME, 'no-such-index.yaml')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('There is no index file at');
  });

  it('says where an invalid local index is broken', async () => {
    const run = await chartdesk(['index', path.join(SHARED_DATA, 'index', 'helm-push-readme-contextpath-invalid.yaml')]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/line \d+/);
  });

  it('falls back to the offline copy when the repo is down, and says so', async () => {
    const own = await startSandbox();
    const url = `${own.repoUrl}/org2/repo2`;
    expect((await chartdesk(['index', url], key)).code).toBe(0);
    await own.close();
    const run = await chartdesk(['index', url], key);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^otherchart\s+0\.1\.0/m);
    expect(run.stderr).toMatch(/OFFLINE copy from/);
  });

  it('fails with the flow’s reason when the key is wrong', async () => {
    const run = await chartdesk(['index', `${sb.repoUrl}/org2/repo2`], { CHARTDESK_SECRET: 'WRONG-KEY' });
    expect(run.code).toBe(1);
    expect(run.stderr).not.toContain('WRONG-KEY');
  });
});

describe('chartdesk push, pull and delete', () => {
  it('pushes, refuses the same version, overwrites with --force, pulls it back verified, deletes it', async () => {
    const pushed = await chartdesk(['push', repo, GRAFANA], key);
    expect(pushed).toMatchObject({ code: 0, stdout: `Pushed grafana 5.3.1 to ${repo}.\n` });

    const again = await chartdesk(['push', repo, GRAFANA], key);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/Version 5\.3\.1 of chart grafana is already in the repo.*force/);
    expect((await chartdesk(['push', repo, GRAFANA, '--force'], key)).code).toBe(0);

    const dir = path.join(HOME, 'pulled');
    const pulled = await chartdesk(['pull', repo, 'grafana', '-d', dir], key);
    expect(pulled.code).toBe(0);
    expect(pulled.stdout).toMatch(/verified against the index/);
    expect(readFileSync(path.join(dir, 'grafana-5.3.1.tgz')).equals(readFileSync(GRAFANA))).toBe(true);
    expect(readdirSync(dir)).toEqual(['grafana-5.3.1.tgz']);

    expect(await chartdesk(['delete', repo, 'grafana', '5.3.1'], key)).toMatchObject({ code: 0, stdout: `Deleted grafana 5.3.1 from ${repo}.\n` });
    const gone = await chartdesk(['delete', repo, 'grafana', '5.3.1'], key);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain('Version 5.3.1 of chart grafana is not in the repo.');
  });

  it('pulls a named version and refuses an unknown one', async () => {
    const dir = path.join(HOME, 'pulled-mychart');
    expect((await chartdesk(['pull', repo, 'mychart', '--version', '0.1.0', '-d', dir], key)).code).toBe(0);
    expect(existsSync(path.join(dir, 'mychart-0.1.0.tgz'))).toBe(true);
    const missing = await chartdesk(['pull', repo, 'mychart', '--version', '7.7.7', '-d', dir], key);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('The index has no version 7.7.7 of chart mychart.');
  });

  it('refuses to push the path-traversal chart', async () => {
    const run = await chartdesk(['push', repo, path.join(SHARED_DATA, 'charts', 'cm-badchart-path-traversal-name-1.0.0.tgz')], key);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('is not a valid chart name');
  });

  it('writes nothing when the package does not match the index digest', async () => {
    const server = await startStaticRepo();
    try {
      const grafana = readFileSync(GRAFANA);
      const digest = createHash('sha256').update(grafana).digest('hex');
      server.put('/r/index.yaml', `apiVersion: v1\nentries:\n  grafana:\n  - name: grafana\n    version: 5.3.1\n    urls: [grafana-5.3.1.tgz]\n    digest: ${digest}\n`);
      server.put('/r/grafana-5.3.1.tgz', readFileSync(path.join(SHARED_DATA, 'charts', 'loki-2.0.1.tgz')));
      const dir = path.join(HOME, 'pulled-mismatch');
      // A fresh data folder: the digest cache of the earlier tests already holds the real package.
      const run = await chartdesk(['pull', `${server.origin}/r`, 'grafana', '-d', dir], { CHARTDESK_HOME: path.join(HOME, 'fresh-data') });
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/does not match the index/);
      expect(existsSync(path.join(dir, 'grafana-5.3.1.tgz'))).toBe(false);
    } finally {
      await server.close();
    }
  });

  it('works with a stored repo by name (relative package URLs of the real cilium index)', async () => {
    const server = await startStaticRepo();
    try {
      server.put('/cilium/index.yaml', readFileSync(path.join(SHARED_DATA, 'index', 'cilium.yaml')));
      server.put('/cilium/cilium-1.16.0.tgz', readFileSync(path.join(SHARED_DATA, 'charts', 'cilium-1.16.0.tgz')));
      expect((await chartdesk(['repos', 'add', 'cilium', `${server.origin}/cilium`])).code).toBe(0);
      const listed = await chartdesk(['index', 'cilium', '--search', 'tetragon']);
      expect(listed.stdout).toMatch(/^tetragon\s/m);
      const dir = path.join(HOME, 'pulled-cilium');
      const pulled = await chartdesk(['pull', 'cilium', 'cilium', '--version', '1.16.0', '-d', dir]);
      expect(pulled.code).toBe(0);
      expect(readFileSync(path.join(dir, 'cilium-1.16.0.tgz')).equals(readFileSync(path.join(SHARED_DATA, 'charts', 'cilium-1.16.0.tgz')))).toBe(true);
    } finally {
      await server.close();
    }
  });

  it('explains usage mistakes', async () => {
    const run = await chartdesk(['push', repo]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Usage: chartdesk push');
  });
});
