/**
 * `chartdesk repos use-helper` and `install-helper` on real files: Docker's config.json and Helm's
 * registry config.json pointed at docker-credential-chartdesk and back, every other key kept, the
 * file's mode kept, a backup beside it, the helper it had put back by --undo; a file that is not
 * JSON and a full disk leave the file exactly as it was.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedCliEnv, runChartdesk } from '../../support/run-cli';
import { mountTinyDisk, type TinyDisk } from '../robustness/tiny-disk';
import { run } from './oci-support';

let home: string;
let env: NodeJS.ProcessEnv;
const chartdesk = (args: string[], extra: Record<string, string> = {}) => runChartdesk(args, { env: { ...env, ...extra } });
const json = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;

beforeAll(async () => {
  home = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-usehelper-'));
  env = isolatedCliEnv(home, { DOCKER_CONFIG: path.join(home, 'docker'), HELM_REGISTRY_CONFIG: path.join(home, 'helm', 'registry', 'config.json') });
  for (const [name, url] of [['reg', 'oci://registry.example.com:5000/team'], ['hub', 'oci://registry-1.docker.io/bitnamicharts']]) {
    const added = await chartdesk(['repos', 'add', name as string, url as string, '--auth', 'basic', '--username', 'alice', '--no-secret']);
    expect(added.code, added.stderr).toBe(0);
  }
  expect((await chartdesk(['repos', 'add', 'cm', 'https://charts.example.com/org/repo', '--no-secret'])).code).toBe(0);
});
afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('chartdesk repos use-helper', () => {
  it('points Docker’s and Helm’s config at ChartDesk, keeps everything else, and --undo puts back the helper it had', async () => {
    const docker = path.join(home, 'docker', 'config.json');
    mkdirSync(path.dirname(docker), { recursive: true });
    const original = `${JSON.stringify({ auths: { 'ghcr.io': { auth: 'eDp5' } }, credsStore: 'desktop', credHelpers: { 'registry.example.com:5000': 'secretservice', 'quay.io': 'quay' }, psFormat: 'table' }, null, 2)}\n`;
    writeFileSync(docker, original, { mode: 0o640 });
    const helm = env.HELM_REGISTRY_CONFIG as string;

    const used = await chartdesk(['repos', 'use-helper', 'reg']);
    expect(used.code, used.stderr).toBe(0);
    const lines = used.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(`${docker} now sends registry.example.com:5000 to ChartDesk’s keychain (docker-credential-chartdesk). It used docker-credential-secretservice before; Undo puts that back. The file as it was is in ${docker}.chartdesk-backup.`);
    expect(lines[0]).toContain('reg has no stored password yet');
    expect(lines[0]).toContain('docker-credential-chartdesk is not there yet: install the launcher');
    expect(lines[1]).toContain(`${helm} now sends registry.example.com:5000 to ChartDesk’s keychain`);

    expect(json(docker)).toEqual({ auths: { 'ghcr.io': { auth: 'eDp5' } }, credsStore: 'desktop', credHelpers: { 'registry.example.com:5000': 'chartdesk', 'quay.io': 'quay' }, psFormat: 'table' });
    expect(statSync(docker).mode & 0o777).toBe(0o640);
    expect(readFileSync(`${docker}.chartdesk-backup`, 'utf8')).toBe(original);
    expect(json(helm)).toEqual({ credHelpers: { 'registry.example.com:5000': 'chartdesk' } });
    expect(statSync(helm).mode & 0o777).toBe(0o600);

    const again = await chartdesk(['repos', 'use-helper', 'reg', '--for', 'docker']);
    expect(again.stdout).toContain(`${docker} already sends registry.example.com:5000 to ChartDesk.`);

    const undone = await chartdesk(['repos', 'use-helper', 'reg', '--undo']);
    expect(undone.code, undone.stderr).toBe(0);
    expect(undone.stdout).toContain(`${docker} no longer sends registry.example.com:5000 to ChartDesk (back to docker-credential-secretservice).`);
    expect(json(docker)).toEqual(JSON.parse(original));
    expect(json(helm)).toEqual({});
    const twice = await chartdesk(['repos', 'use-helper', 'reg', '--undo', '--for', 'docker']);
    expect(twice.stdout).toContain('does not send registry.example.com:5000 to ChartDesk; nothing to undo.');
  });

  it('uses Docker Hub’s credHelpers key for a Docker Hub repo', async () => {
    const file = path.join(home, 'hub.json');
    expect((await chartdesk(['repos', 'use-helper', 'hub', '--config', file])).code).toBe(0);
    expect(json(file)).toEqual({ credHelpers: { 'index.docker.io': 'chartdesk' } });
  });

  it('refuses an index.yaml repo, a file that is not JSON and a wrong --for, changing nothing', async () => {
    const cm = await chartdesk(['repos', 'use-helper', 'cm', '--config', path.join(home, 'cm.json')]);
    expect(cm.code).toBe(1);
    expect(cm.stderr).toMatch(/cm is an index\.yaml repo; credential helpers give logins to OCI registry clients/);
    const broken = path.join(home, 'broken.json');
    writeFileSync(broken, '{"auths": {');
    const refused = await chartdesk(['repos', 'use-helper', 'reg', '--config', broken]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${broken} is not valid JSON, so ChartDesk left it alone. Nothing was changed.`);
    expect(readFileSync(broken, 'utf8')).toBe('{"auths": {');
    const tool = await chartdesk(['repos', 'use-helper', 'reg', '--for', 'containerd']);
    expect(tool.code).toBe(2);
    expect(tool.stderr).toMatch(/--for takes docker, helm, podman/);
  });
});

describe('on a full disk', () => {
  let disk: TinyDisk;
  beforeAll(() => {
    disk = mountTinyDisk();
  });
  afterAll(() => disk?.unmount());

  it('says the disk is full and leaves the config file as it was, with no temp file behind', async () => {
    const file = path.join(disk.dir, 'config.json');
    const original = JSON.stringify({ auths: {}, credHelpers: { 'quay.io': 'quay' } });
    writeFileSync(file, original);
    disk.fill();
    const result = await chartdesk(['repos', 'use-helper', 'reg', '--config', file]);
    disk.free();
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Could not write .*config\.json: the disk is full \(ENOSPC\)\. Nothing was changed\./);
    expect(readFileSync(file, 'utf8')).toBe(original);
    expect(readdirSync(disk.dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});

describe('chartdesk repos install-helper', () => {
  it('writes a launcher that runs the helper, says when its folder is not on the PATH, and never replaces a file it did not write', async () => {
    const dir = path.join(home, 'tools');
    const installed = await chartdesk(['repos', 'install-helper', '--dir', dir]);
    expect(installed.code, installed.stderr).toBe(0);
    expect(installed.stdout).toContain(`${dir} is not on your PATH`);
    const launcher = path.join(dir, 'docker-credential-chartdesk');
    expect(statSync(launcher).mode & 0o111).not.toBe(0);
    const version = await run(launcher, ['version'], { env });
    expect(version.stdout).toMatch(/^docker-credential-chartdesk \(ChartDesk\) /);
    const list = await run(launcher, ['list'], { env });
    expect(list).toEqual({ code: 0, stdout: '{}\n', stderr: '' });

    const foreign = path.join(home, 'foreign');
    mkdirSync(foreign);
    writeFileSync(path.join(foreign, 'docker-credential-chartdesk'), '#!/bin/sh\necho mine\n');
    const refused = await chartdesk(['repos', 'install-helper', '--dir', foreign]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/exists and was not written by ChartDesk, so it was left alone/);
    expect(readFileSync(path.join(foreign, 'docker-credential-chartdesk'), 'utf8')).toBe('#!/bin/sh\necho mine\n');
  });
});
