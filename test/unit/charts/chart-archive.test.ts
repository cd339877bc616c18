import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readChartArchive } from '../../../electron/core/charts/chart-archive';
import { SHARED_DATA } from '../../support/paths';
import { chartYaml, tgzOf } from './tar-builder';

const chart = (file: string) => readFileSync(path.join(SHARED_DATA, 'charts', file));
const gnuTar = (...args: string[]) => execFileSync('tar', args, { maxBuffer: 64 * 1024 * 1024 });
/** What GNU tar says is in a member (the last copy when there are several). */
const tarMember = (file: string, member: string) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'chartdesk-tar-'));
  try {
    gnuTar('-xzf', path.join(SHARED_DATA, 'charts', file), '-C', dir, member);
    return readFileSync(path.join(dir, member), 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};
/** Regular files GNU tar lists, top folder stripped, each once. */
const tarFiles = (file: string) =>
  [
    ...new Set(
      gnuTar('-tzvf', path.join(SHARED_DATA, 'charts', file))
        .toString('utf8')
        .split('\n')
        .filter((line) => line.startsWith('-'))
        .map((line) => line.split(/\s+/).slice(5).join(' ').split('/').slice(1).join('/')),
    ),
  ].sort();

describe('reading real chart packages', () => {
  it.each([
    ['grafana-5.3.1.tgz', 'grafana'],
    ['cilium-1.16.0.tgz', 'cilium'],
  ])('%s gives the Chart.yaml, values, README and file list that tar sees', async (file, top) => {
    const content = await readChartArchive(chart(file));
    expect(content.chartYaml).toBe(tarMember(file, `${top}/Chart.yaml`));
    expect(content.valuesYaml).toBe(tarMember(file, `${top}/values.yaml`));
    expect(content.readme?.text).toBe(tarMember(file, `${top}/README.md`));
    expect(content.files.map((f) => f.path)).toEqual(tarFiles(file));
    expect(content.metadata.name).toBe(top);
    expect(content.warnings).toEqual([]);
  });

  it('reads the values schema when the chart has one', async () => {
    const content = await readChartArchive(chart('cilium-1.16.0.tgz'));
    expect(JSON.parse(content.valuesSchema ?? 'null')).toEqual(JSON.parse(tarMember('cilium-1.16.0.tgz', 'cilium/values.schema.json')));
  });

  it('lists each of argo-cd’s 32 duplicated entries once and says so', async () => {
    const content = await readChartArchive(chart('argo-cd-3.4.0.tgz'));
    const paths = content.files.map((f) => f.path);
    expect(new Set(paths).size).toBe(paths.length);
    expect(paths).toEqual(tarFiles('argo-cd-3.4.0.tgz'));
    expect(content.warnings.join(' ')).toMatch(/32 files more than once/);
  });

  it('reads frobnitz_with_bom: BOM removed, top folder named differently from the chart', async () => {
    const content = await readChartArchive(chart('helm-td-frobnitz_with_bom.tgz'));
    expect(tarMember('helm-td-frobnitz_with_bom.tgz', 'frobnitz_with_bom/Chart.yaml').charCodeAt(0)).toBe(0xfeff);
    expect(content.chartYaml.charCodeAt(0)).not.toBe(0xfeff);
    expect(content.metadata.name).toBe('frobnitz');
    expect(content.files.map((f) => f.path)).toContain('Chart.yaml');
    expect(content.files.some((f) => f.path.startsWith('frobnitz_with_bom'))).toBe(false);
  });

  it('refuses the chart whose name is a path (cm-badchart) and never uses that name', async () => {
    const error = await readChartArchive(chart('cm-badchart-path-traversal-name-1.0.0.tgz')).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'chart-invalid' });
    expect((error as Error).message).toContain('../../../../charts/org2/repo2/evil');
    expect((error as Error).message).toMatch(/not a valid chart name/);
  });
});

describe('hostile and broken archives', () => {
  it('keeps the last copy of a duplicated file, as tar does', async () => {
    const bytes = tgzOf([
      { name: 'c/Chart.yaml', data: chartYaml('c', '1.0.0') },
      { name: 'c/values.yaml', data: 'first: 1\n' },
      { name: 'c/values.yaml', data: 'second: 2\n' },
    ]);
    const content = await readChartArchive(bytes);
    expect(content.valuesYaml).toBe('second: 2\n');
    expect(content.files.filter((f) => f.path === 'values.yaml')).toHaveLength(1);
  });

  it.each([
    ['c/../../etc/passwd', /outside the chart folder/],
    ['c/templates/../../../x', /outside the chart folder/],
    ['/etc/passwd', /absolute path/],
    ['c/C:/windows/evil', /drive-letter/],
    ['Chart.yaml', /Chart.yaml outside the chart folder/],
  ])('refuses an entry named %s', async (name, message) => {
    const bytes = tgzOf([{ name: 'c/Chart.yaml', data: chartYaml('c', '1.0.0') }, { name, data: 'x' }]);
    await expect(readChartArchive(bytes)).rejects.toMatchObject({ kind: 'chart-invalid', message: expect.stringMatching(message) });
  });

  it('stops a gzip bomb (a huge zero-filled entry) at the decompressed-size cap', async () => {
    // One gzip member holding a header that declares 1 GiB, then many members of 1 MiB of zeros each:
    // gunzip reads concatenated members as one stream, like a real bomb made with `gzip -c`.
    const { gzipSync } = await import('node:zlib');
    const { tarHeader } = await import('./tar-builder');
    const zeros = gzipSync(Buffer.alloc(1024 * 1024), { level: 9 });
    const bomb = Buffer.concat([gzipSync(tarHeader('c/big.bin', 1024 * 1024 * 1024)), ...Array.from({ length: 150 }, () => zeros)]);
    expect(bomb.length).toBeLessThan(400 * 1024);
    await expect(readChartArchive(bomb)).rejects.toMatchObject({ kind: 'too-large', message: expect.stringMatching(/unpacks to more than 100 MB/) });
  });

  it('stops an archive of 100,000 entries at the entry cap', async () => {
    const members = Array.from({ length: 100_000 }, (_, i) => ({ name: `c/f${i}` }));
    await expect(readChartArchive(tgzOf(members))).rejects.toMatchObject({ kind: 'chart-invalid', message: expect.stringMatching(/more than 10,000 entries/) });
  });

  it('refuses a values.yaml larger than the per-file cap', async () => {
    const bytes = tgzOf([{ name: 'c/Chart.yaml', data: chartYaml('c', '1.0.0') }, { name: 'c/values.yaml', data: Buffer.alloc(6 * 1024 * 1024, 0x61) }]);
    await expect(readChartArchive(bytes)).rejects.toMatchObject({ kind: 'too-large', message: expect.stringMatching(/values.yaml is larger than 5 MB/) });
  });

  it('says a package without Chart.yaml is not a chart', async () => {
    await expect(readChartArchive(tgzOf([{ name: 'c/values.yaml', data: 'a: 1\n' }]))).rejects.toMatchObject({ kind: 'chart-invalid', message: expect.stringMatching(/no Chart.yaml/) });
  });

  it('says a truncated or non-gzip file is not a valid package', async () => {
    const whole = chart('grafana-5.3.1.tgz');
    await expect(readChartArchive(whole.subarray(0, whole.length / 2))).rejects.toMatchObject({ kind: 'chart-invalid' });
    await expect(readChartArchive(Buffer.from('<html>login</html>'))).rejects.toMatchObject({ kind: 'chart-invalid', message: expect.stringMatching(/not a valid gzip/) });
  });
});

describe('tar formats written by GNU tar', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'chartdesk-formats-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const longDir = `templates/${'deeply-nested-folder-name/'.repeat(6)}`;

  it.each(['gnu', 'pax', 'ustar'])('reads long names in the %s format', async (format) => {
    const src = path.join(work, format, 'mychart');
    mkdirSync(path.join(src, longDir), { recursive: true });
    writeFileSync(path.join(src, 'Chart.yaml'), chartYaml('mychart', '0.1.0'));
    writeFileSync(path.join(src, 'values.yaml'), 'replicas: 1\n');
    writeFileSync(path.join(src, longDir, 'configmap-with-a-long-file-name.yaml'), 'kind: ConfigMap\n');
    const out = path.join(work, `${format}.tgz`);
    gnuTar(`--format=${format}`, '-czf', out, '-C', path.join(work, format), 'mychart');
    const content = await readChartArchive(readFileSync(out));
    expect(content.files.map((f) => f.path)).toEqual(['Chart.yaml', `${longDir}configmap-with-a-long-file-name.yaml`, 'values.yaml']);
    expect(content.valuesYaml).toBe('replicas: 1\n');
  });
});
