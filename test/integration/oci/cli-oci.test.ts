/**
 * The CLI with OCI registries, end to end (the built bin): index, pull, push, delete and token on
 * oci:// locations and stored OCI repos, `repos add` of a registry with named charts, and
 * `chartdesk pull` of a chart that an index.yaml lists at an oci:// URL (a mixed index, as Bitnami's).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { SHARED_DATA } from '../../support/paths';
import { isolatedCliEnv, runChartdesk, type CliRun } from '../../support/run-cli';
import { startStaticRepo, type StaticRepo } from '../index/static-repo';
import { testChart } from './oci-support';

const HOME = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-cli-oci-'));
const GRAFANA = readFileSync(path.join(SHARED_DATA, 'charts', 'grafana-5.3.1.tgz'));
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const chartdesk = (args: string[], env: Record<string, string> = {}): Promise<CliRun> => runChartdesk(args, { env: isolatedCliEnv(HOME, env) });

let sb: RunningSandbox;
let host: string;
let approve: string[];
const login = { CHARTDESK_USERNAME: 'user', CHARTDESK_SECRET: 'pass' };

beforeAll(async () => {
  sb = await startSandbox({ oci: true });
  host = new URL(sb.registryUrl as string).host;
  approve = ['--approve-realm', new URL(sb.tokenUrl).origin];
}, 60_000);
afterAll(async () => {
  await sb?.close();
  rmSync(HOME, { recursive: true, force: true });
});

describe('chartdesk with oci:// locations', () => {
  it('index lists a namespace through its catalog, anonymously, as a table and as JSON', async () => {
    const table = await chartdesk(['index', `oci://${host}/charts`]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/^grafana\s+5\.3\.1\s+7\.0\.3\s+1\s+The leading tool/m);
    expect(table.stderr).toMatch(/catalog lists 2 repositories under charts/);
    const json = JSON.parse((await chartdesk(['index', `oci://${host}/charts`, '--json'])).stdout) as { index: { kind: string }; charts: Array<{ name: string }> };
    expect(json.index.kind).toBe('oci');
    expect(json.charts.map((c) => c.name)).toEqual(['grafana', 'signtest']);
  });

  it('pull takes a full oci:// chart reference, as helm pull does, and verifies the chart layer', async () => {
    const dir = mkdtempSync(path.join(HOME, 'pull-'));
    const pulled = await chartdesk(['pull', `oci://${host}/charts/grafana`, '--version', '5.3.1', '-d', dir]);
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(pulled.stdout).toMatch(/verified against its registry digest/);
    expect(sha(readFileSync(path.join(dir, 'grafana-5.3.1.tgz')))).toBe(sha(GRAFANA));
    const tagged = await chartdesk(['pull', `oci://${host}/charts/grafana:5.3.1`, '-d', dir]);
    expect(tagged.code, tagged.stderr).toBe(0);
    const latest = await chartdesk(['pull', `oci://${host}/charts`, 'signtest', '-d', dir]);
    expect(latest.code, latest.stderr).toBe(0);
    expect(latest.stdout).toMatch(/signtest-0\.1\.0\.tgz/);
  });

  it('show reads Chart.yaml from the chart layer, and manifest shows the layers and a pull by digest', async () => {
    const chart = await chartdesk(['show', `oci://${host}/charts`, 'grafana']);
    expect(chart.code, chart.stderr).toBe(0);
    expect(chart.stdout).toMatch(/^name: grafana$/m);
    expect(chart.stderr).toMatch(/grafana 5\.3\.1: package sha256 \w{8}…\w{8}, verified against its registry digest\./);
    const manifest = await chartdesk(['show', `oci://${host}/charts`, 'grafana', 'manifest']);
    expect(manifest.code, manifest.stderr).toBe(0);
    expect(manifest.stdout).toMatch(/^chart\s+application\/vnd\.cncf\.helm\.chart\.content\.v1\.tar\+gzip\s+\d+\s+sha256:/m);
    expect(manifest.stdout).toContain(`sha256:${sha(GRAFANA)}`);
    const json = JSON.parse((await chartdesk(['show', `oci://${host}/charts`, 'grafana', 'manifest', '--json'])).stdout) as { digest: string; commands: { byDigest: string } };
    expect(json.commands.byDigest).toBe(`helm pull oci://${host}/charts/grafana@${json.digest} --plain-http`);
    const versions = await chartdesk(['show', `oci://${host}/charts`, 'grafana', 'versions']);
    expect(versions.stdout).toMatch(/^5\.3\.1\s+7\.0\.3/m);
  });

  it('show manifest of an index.yaml repo says it is for registries', async () => {
    const run = await chartdesk(['show', sb.repoUrl, 'anything', 'manifest']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/is an index\.yaml repo: its charts have no OCI manifest/);
  });

  it('push and delete with a user name and password from the environment', async () => {
    const dir = mkdtempSync(path.join(HOME, 'push-'));
    const file = path.join(dir, 'clichart-0.3.0.tgz');
    writeFileSync(file, testChart('clichart', '0.3.0'));
    const pushed = await chartdesk(['push', `oci://${host}/charts`, file, ...approve], login);
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(pushed.stdout).toMatch(/Pushed clichart 0\.3\.0/);
    const denied = await chartdesk(['push', `oci://${host}/charts`, file, '--force']);
    expect(denied.code).toBe(1);
    expect(denied.stderr).toMatch(/The token grants pull on charts\/clichart, but this needs push\./);
    const deleted = await chartdesk(['delete', `oci://${host}/charts`, 'clichart', '0.3.0', ...approve], login);
    expect(deleted.code, deleted.stderr).toBe(0);
    expect(deleted.stdout).toMatch(/Deleted clichart 0\.3\.0 \(manifest sha256:[a-f0-9]{64}\)/);
  });

  it('token prints a registry token for the first chart of a stored repo', async () => {
    const added = await chartdesk(['repos', 'add', 'reg', `${host}/charts`, '--chart', 'grafana', '--no-secret']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(new RegExp(`Added reg \\(OCI registry oci://${host.replace(/\./g, '\\.')}/charts\\)`));
    const token = await chartdesk(['token', 'reg', '--json']);
    expect(token.code, token.stderr).toBe(0);
    const out = JSON.parse(token.stdout) as { claims: { access: Array<{ type: string; name: string; actions: string[] }> }; dialect: string };
    expect(out.dialect).toBe('B');
    expect(out.claims.access).toEqual([{ type: 'repository', name: 'charts/grafana', actions: ['pull'] }]);
    const list = JSON.parse((await chartdesk(['repos', 'list', '--json'])).stdout) as Array<{ name: string; kind: string; charts: string[] }>;
    expect(list.find((r) => r.name === 'reg')).toMatchObject({ kind: 'oci', charts: ['grafana'] });
  });
});

describe('an index.yaml whose entries point at an OCI registry', () => {
  let web: StaticRepo;
  beforeAll(async () => {
    web = await startStaticRepo();
    const index = (digest: string) =>
      [
        'apiVersion: v1',
        'entries:',
        '  grafana:',
        '  - apiVersion: v1',
        '    name: grafana',
        '    version: 5.3.1',
        `    digest: ${digest}`,
        '    urls:',
        `    - oci://${host}/charts/grafana:5.3.1`,
        'generated: "2024-11-01T00:00:00Z"',
        '',
      ].join('\n');
    web.put('/mixed/index.yaml', index(sha(GRAFANA)), 'application/x-yaml');
    web.put('/tampered/index.yaml', index('0'.repeat(64)), 'application/x-yaml');
  });
  afterAll(() => web?.close());

  it('pulls through the registry, with its anonymous token, verified against the index digest', async () => {
    const dir = mkdtempSync(path.join(HOME, 'mixed-'));
    const pulled = await chartdesk(['pull', `${web.origin}/mixed`, 'grafana', '-d', dir]);
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(sha(readFileSync(path.join(dir, 'grafana-5.3.1.tgz')))).toBe(sha(GRAFANA));
  });

  it('refuses the package when the registry’s chart layer is not what the index says', async () => {
    const dir = mkdtempSync(path.join(HOME, 'tampered-'));
    const pulled = await chartdesk(['pull', `${web.origin}/tampered`, 'grafana', '-d', dir]);
    expect(pulled.code).toBe(1);
    expect(pulled.stderr).toMatch(/does not match the index/);
  });
});
