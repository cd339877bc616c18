/** `chartdesk show` and `chartdesk search` end to end: the built bin against static repos serving real indexes and packages. */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { load } from 'js-yaml';
import semver from 'semver';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_DATA } from '../../support/paths';
import { isolatedCliEnv, runChartdesk, type CliRun } from '../../support/run-cli';
import { startStaticRepo, type StaticRepo } from './static-repo';

const HOME = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-show-search-'));
const CILIUM_TGZ = path.join(SHARED_DATA, 'charts', 'cilium-1.16.0.tgz');
const chartdesk = (args: string[], env: Record<string, string> = {}): Promise<CliRun> => runChartdesk(args, { env: isolatedCliEnv(HOME, env) });

/** A file of the real package, read with the system's tar (not ChartDesk's reader). */
const fromPackage = (tgz: string, member: string): Buffer => execFileSync('tar', ['-xzOf', tgz, member]);

/** Versions of a chart in a real index, read with js-yaml, newest first by the semver package. */
function indexVersions(file: string, chart: string): Array<{ version: string; appVersion?: string; created?: string; digest?: string }> {
  const doc = load(readFileSync(path.join(SHARED_DATA, 'index', file), 'utf8')) as { entries: Record<string, Array<{ version: string; appVersion?: string; created?: string; digest?: string }>> };
  return [...(doc.entries[chart] ?? [])].sort((a, b) => semver.rcompare(a.version, b.version));
}

let cilium: StaticRepo;
let argo: StaticRepo;
let nightly: StaticRepo;

beforeAll(async () => {
  cilium = await startStaticRepo();
  cilium.put('/cilium/index.yaml', readFileSync(path.join(SHARED_DATA, 'index', 'cilium.yaml')), 'application/x-yaml');
  cilium.put('/cilium/cilium-1.16.0.tgz', readFileSync(CILIUM_TGZ), 'application/gzip');
  argo = await startStaticRepo({ compression: { coding: 'gzip' } });
  argo.put('/argo/index.yaml', readFileSync(path.join(SHARED_DATA, 'index', 'argo-helm.yaml')), 'application/x-yaml');
  nightly = await startStaticRepo();
  nightly.put('/nightly/index.yaml', readFileSync(path.join(SHARED_DATA, 'index', 'newrelic-nightly.yaml')), 'application/x-yaml');
  for (const [name, url] of [['cilium', `${cilium.origin}/cilium`], ['argo', `${argo.origin}/argo`], ['nightly', `${nightly.origin}/nightly`]]) {
    expect((await chartdesk(['repos', 'add', name as string, url as string])).code).toBe(0);
  }
});
afterAll(async () => {
  await Promise.all([cilium.close(), argo.close(), nightly.close()]);
  rmSync(HOME, { recursive: true, force: true });
});

describe('chartdesk show', () => {
  it('prints Chart.yaml (the default) and values.yaml of a verified package, exactly with --output yaml', async () => {
    const chart = await chartdesk(['show', 'cilium', 'cilium', '--version', '1.16.0']);
    expect(chart.code).toBe(0);
    expect(chart.stdout).toBe(fromPackage(CILIUM_TGZ, 'cilium/Chart.yaml').toString('utf8'));
    expect(chart.stderr).toMatch(/cilium 1\.16\.0: package sha256 \w{8}…\w{8}, verified against the index\./);
    const values = await chartdesk(['show', 'cilium', 'cilium', 'values', '--version', '1.16.0', '--output', 'yaml']);
    expect(values.code).toBe(0);
    expect(values.stdout).toBe(fromPackage(CILIUM_TGZ, 'cilium/values.yaml').toString('utf8'));
  });

  it('prints the README and the file list, as text and as JSON', async () => {
    const readme = await chartdesk(['show', 'cilium', 'cilium', 'readme', '--version', '1.16.0']);
    expect(readme.stdout.trimEnd()).toBe(fromPackage(CILIUM_TGZ, 'cilium/README.md').toString('utf8').trimEnd());
    const files = await chartdesk(['show', 'cilium', 'cilium', 'files', '--version', '1.16.0', '--json']);
    const listed = JSON.parse(files.stdout) as { files: Array<{ path: string; size: number }>; verified: boolean };
    expect(listed.verified).toBe(true);
    const tarList = execFileSync('tar', ['-tzf', CILIUM_TGZ], { encoding: 'utf8' }).trim().split('\n').filter((p) => !p.endsWith('/'));
    expect(listed.files.map((f) => `cilium/${f.path}`).sort()).toEqual(tarList.sort());
    expect(listed.files.find((f) => f.path === 'values.yaml')?.size).toBe(fromPackage(CILIUM_TGZ, 'cilium/values.yaml').length);
    const table = await chartdesk(['show', 'cilium', 'cilium', 'files', '--version', '1.16.0']);
    expect(table.stdout.split('\n')[0]).toMatch(/^SIZE\s+PATH$/);
    expect(table.stdout).toMatch(/^\s*\d+\s+values\.schema\.json$/m);
  });

  it('lists versions from the index alone, newest first, one per line', async () => {
    const expected = indexVersions('cilium.yaml', 'cilium');
    const run = await chartdesk(['show', 'cilium', 'cilium', 'versions']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^VERSION\s+APP VERSION\s+CREATED\s+DIGEST\s+DEPRECATED$/);
    expect(lines.slice(1).map((l) => l.split(/\s+/)[0])).toEqual(expected.map((v) => v.version));
    const json = JSON.parse((await chartdesk(['show', 'cilium', 'cilium', 'versions', '--json'])).stdout) as { versions: Array<{ version: string; digest: string; created: string }> };
    expect(json.versions[0]).toMatchObject({ version: expected[0]?.version, digest: expected[0]?.digest });
    const one = JSON.parse((await chartdesk(['show', 'cilium', 'cilium', 'versions', '--version', '1.16.0', '--json'])).stdout) as { versions: unknown[] };
    expect(one.versions).toHaveLength(1);
  });

  it('fails with exit 1 on an unknown chart or version, and exit 2 on usage mistakes', async () => {
    const chart = await chartdesk(['show', 'cilium', 'no-such-chart']);
    expect(chart.code).toBe(1);
    expect(chart.stderr).toContain('no chart called no-such-chart');
    expect((await chartdesk(['show', 'cilium', 'cilium', 'versions', '--version', '0.0.1'])).code).toBe(1);
    const target = await chartdesk(['show', 'cilium', 'cilium', 'templates']);
    expect(target.code).toBe(2);
    expect(target.stderr).toContain('Usage: chartdesk show');
    expect((await chartdesk(['show', 'cilium', 'cilium', 'readme', '--output', 'yaml'])).code).toBe(2);
    expect((await chartdesk(['show', 'cilium'])).code).toBe(2);
  });

  it('prints nothing on stdout when the package fails its digest check', async () => {
    const server = await startStaticRepo();
    try {
      const digest = createHash('sha256').update(readFileSync(CILIUM_TGZ)).digest('hex');
      server.put('/r/index.yaml', `apiVersion: v1\nentries:\n  cilium:\n  - name: cilium\n    version: 1.16.0\n    urls: [cilium-1.16.0.tgz]\n    digest: ${digest}\n`, 'application/x-yaml');
      server.put('/r/cilium-1.16.0.tgz', readFileSync(path.join(SHARED_DATA, 'charts', 'loki-2.0.1.tgz')));
      const run = await chartdesk(['show', `${server.origin}/r`, 'cilium', 'values'], { CHARTDESK_HOME: path.join(HOME, 'fresh-data') });
      expect(run.code).toBe(1);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/does not match the index/);
    } finally {
      await server.close();
    }
  });
});

describe('chartdesk search', () => {
  it('ranks the exact name first across every stored repo, with its latest stable version', async () => {
    const run = await chartdesk(['search', 'cilium']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME\s+CHART VERSION\s+APP VERSION\s+DESCRIPTION$/);
    const latestStable = indexVersions('cilium.yaml', 'cilium').find((v) => semver.prerelease(v.version) === null);
    expect(lines[1]).toMatch(new RegExp(`^cilium/cilium\\s+${latestStable?.version.replace(/\./g, '\\.')}\\s`));
  });

  it('lists every stable version with --versions, and pre-releases too with --devel', async () => {
    const all = indexVersions('argo-helm.yaml', 'argo-cd');
    const stable = all.filter((v) => semver.prerelease(v.version) === null);
    const run = JSON.parse((await chartdesk(['search', 'argo-cd', '--versions', '--repo', 'argo', '--json'])).stdout) as { results: Array<{ repo: string; name: string; version: string }> };
    const rows = run.results.filter((r) => r.name === 'argo-cd');
    expect(rows.map((r) => r.version)).toEqual(stable.map((v) => v.version));
    const devel = JSON.parse((await chartdesk(['search', 'argo-cd', '--versions', '--devel', '--repo', 'argo', '--json'])).stdout) as typeof run;
    expect(devel.results.filter((r) => r.name === 'argo-cd')).toHaveLength(all.length);
  });

  it('leaves out a chart that only has pre-releases unless --devel, like helm', async () => {
    const plain = await chartdesk(['search', 'nr-k8s-otel-collector']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toBe('');
    expect(plain.stderr).toContain('No results found.');
    const devel = await chartdesk(['search', 'nr-k8s-otel-collector', '--devel']);
    expect(devel.stdout).toMatch(/^nightly\/nr-k8s-otel-collector\s+\S+-\S+/m);
  });

  it('gives the same data as JSON and as YAML', async () => {
    const json = JSON.parse((await chartdesk(['search', 'argo', '--json'])).stdout) as { total: number };
    const yaml = parseYaml((await chartdesk(['search', 'argo', '-o', 'yaml'])).stdout) as unknown;
    expect(yaml).toEqual(json);
    expect(json.total).toBeGreaterThan(5);
  });

  it('searches the offline copy of a repo that went away, says so, and skips one it never reached', async () => {
    const env = { CHARTDESK_HOME: path.join(HOME, 'offline-data') };
    const gone = await startStaticRepo();
    gone.put('/argo/index.yaml', readFileSync(path.join(SHARED_DATA, 'index', 'argo-helm.yaml')), 'application/x-yaml');
    const closed = await startStaticRepo();
    await closed.close();
    expect((await chartdesk(['repos', 'add', 'argo', `${gone.origin}/argo`], env)).code).toBe(0);
    expect((await chartdesk(['repos', 'add', 'dead', `${closed.origin}/x`], env)).code).toBe(0);
    expect((await chartdesk(['search', 'argo-cd'], env)).code).toBe(0);
    await gone.close();
    const run = await chartdesk(['search', 'argo-cd'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^argo\/argo-cd\s/m);
    expect(run.stderr).toMatch(/argo: Showing the offline copy from/);
    expect(run.stderr).toMatch(/skipped dead: Could not reach/);
    const unknown = await chartdesk(['search', 'x', '--repo', 'no-such-repo'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('There is no repo named “no-such-repo”');
    const none = await chartdesk(['search', 'x', '--repo', 'dead'], env);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('could not be read');
  });
});

describe('terminal safety', () => {
  const ESC = '\u001b';
  const values = `# ${ESC}[2Jcleared\nimage: "${ESC}]8;;https://evil.example/${ESC}\\\\link${ESC}]8;;${ESC}\\\\"\nbell: \u0007\nover: done\rfake\n`;
  let hostile: StaticRepo;

  beforeAll(async () => {
    const { tgzOf } = await import('../../unit/charts/tar-builder');
    const pkg = tgzOf([
      { name: 'evil/Chart.yaml', data: 'apiVersion: v2\nname: evil\nversion: 1.0.0\ndescription: fine\n' },
      { name: 'evil/values.yaml', data: values },
      { name: 'evil/README.md', data: `# Evil\n${ESC}[31mred\u202Ereversed\n` },
    ]);
    const digest = createHash('sha256').update(pkg).digest('hex');
    hostile = await startStaticRepo();
    hostile.put(
      '/h/index.yaml',
      `apiVersion: v1\nentries:\n  evil:\n  - name: evil\n    version: 1.0.0\n    appVersion: "\\e]0;pwned\\a"\n    description: "\\e[31mRED\\e[0m \\u202Eoverride"\n    urls: [evil-1.0.0.tgz]\n    digest: ${digest}\n`,
      'application/x-yaml',
    );
    hostile.put('/h/evil-1.0.0.tgz', pkg, 'application/gzip');
  });
  afterAll(() => hostile.close());

  // eslint-disable-next-line no-control-regex -- looking for control characters is the point
  const noRawControls = (text: string) => expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);

  it('shows escape sequences from the index escaped in tables, and exact in JSON', async () => {
    const repo = `${hostile.origin}/h`;
    for (const args of [['search', 'evil', '--repo', repo], ['index', repo], ['show', repo, 'evil', 'versions']]) {
      const run = await chartdesk(args);
      expect(run.code).toBe(0);
      noRawControls(run.stdout);
      noRawControls(run.stderr);
    }
    const table = await chartdesk(['search', 'evil', '--repo', repo]);
    expect(table.stdout).toContain('\\x1b[31mRED\\x1b[0m \\u202eoverride');
    expect(table.stdout).toContain('\\x1b]0;pwned\\x07');
    const json = JSON.parse((await chartdesk(['search', 'evil', '--repo', repo, '--json'])).stdout) as { results: Array<{ description: string; appVersion: string }> };
    expect(json.results[0]).toMatchObject({ description: `${ESC}[31mRED${ESC}[0m \u202Eoverride`, appVersion: `${ESC}]0;pwned\u0007` });
  });

  it('escapes control characters in package files but keeps their lines, and prints them exactly on request', async () => {
    const repo = `${hostile.origin}/h`;
    const text = await chartdesk(['show', repo, 'evil', 'values']);
    expect(text.code).toBe(0);
    noRawControls(text.stdout);
    expect(text.stdout).toBe('# \\x1b[2Jcleared\nimage: "\\x1b]8;;https://evil.example/\\x1b\\\\link\\x1b]8;;\\x1b\\\\"\nbell: \\x07\nover: done\\rfake\n');
    expect((await chartdesk(['show', repo, 'evil', 'values', '--output', 'yaml'])).stdout).toBe(values);
    expect((JSON.parse((await chartdesk(['show', repo, 'evil', 'values', '--json'])).stdout) as { values: string }).values).toBe(values);
    const readme = await chartdesk(['show', repo, 'evil', 'readme']);
    expect(readme.stdout).toBe('# Evil\n\\x1b[31mred\\u202ereversed\n');
  });

  it('escapes what a failure echoes', async () => {
    const run = await chartdesk(['show', `${hostile.origin}/h`, `${ESC}[31mnope`]);
    expect(run.code).toBe(1);
    noRawControls(run.stderr);
    expect(run.stderr).toContain('\\x1b[31mnope');
  });
});

describe('compressed transfers end to end', () => {
  it('reads an index served gzip-compressed and shows encoding and both sizes in the trace', async () => {
    argo.put('/falco/index.yaml', readFileSync(path.join(SHARED_DATA, 'index', 'falcosecurity.yaml')), 'application/x-yaml');
    const url = `${argo.origin}/falco/index.yaml`;
    const run = await runChartdesk(['get', url, '--trace'], { env: isolatedCliEnv(HOME), timeoutMs: 30_000 });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(readFileSync(path.join(SHARED_DATA, 'index', 'falcosecurity.yaml'), 'utf8'));
    const size = readFileSync(path.join(SHARED_DATA, 'index', 'falcosecurity.yaml')).length;
    const match = new RegExp(`-> 200 in \\d+ ms, ${size} bytes \\(gzip: (\\d+) bytes on the wire\\)`).exec(run.stderr);
    expect(match).not.toBeNull();
    expect(Number(match?.[1])).toBeLessThan(size / 4);
    expect(run.stderr).toContain('> accept-encoding: gzip, deflate, br');
    expect(run.stderr).toContain('< content-encoding: gzip');
  });
});
