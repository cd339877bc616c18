import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readChartArchive } from '../../../electron/core/charts/chart-archive';
import { chartYaml, paxRecord, tarOf, tgzOf } from './tar-builder';

const chart = { name: 'c/Chart.yaml', data: chartYaml('c', '1.0.0') };

describe('tar headers', () => {
  it('applies a pax path record (UTF-8) to the entry that follows it', async () => {
    const content = await readChartArchive(
      tgzOf([chart, { name: 'PaxHeaders/x', type: 'x', data: paxRecord('path', 'c/templates/コンフィグ.yaml') }, { name: 'c/templates/short.yaml', data: 'kind: ConfigMap\n' }]),
    );
    expect(content.files.map((f) => f.path)).toEqual(['Chart.yaml', 'templates/コンフィグ.yaml']);
  });

  it('applies a GNU long name to the entry that follows it', async () => {
    const long = `c/${'x'.repeat(150)}/values.yaml`;
    const content = await readChartArchive(tgzOf([chart, { name: '././@LongLink', type: 'L', data: `${long}\0` }, { name: 'c/truncated', data: 'a: 1\n' }]));
    expect(content.files.map((f) => f.path)).toContain(`${'x'.repeat(150)}/values.yaml`);
  });

  it('refuses a header whose checksum does not match', async () => {
    const tar = tarOf([chart]);
    tar[0] = 'C'.charCodeAt(0);
    await expect(readChartArchive(gzipSync(tar))).rejects.toMatchObject({ kind: 'chart-invalid', message: expect.stringMatching(/checksum/) });
  });

  it('ignores links, saying so, and never follows them', async () => {
    const content = await readChartArchive(tgzOf([chart, { name: 'c/values.yaml', type: '2', linkName: '/etc/passwd' }]));
    expect(content.valuesYaml).toBeUndefined();
    expect(content.files.map((f) => f.path)).toEqual(['Chart.yaml']);
    expect(content.warnings.join(' ')).toMatch(/1 link/);
  });

  it('reads an archive without the end-of-archive blocks', async () => {
    const tar = tarOf([chart]);
    const content = await readChartArchive(gzipSync(tar.subarray(0, tar.length - 1024)));
    expect(content.metadata.name).toBe('c');
  });
});
