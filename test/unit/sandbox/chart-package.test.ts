import { gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ChartPackageError, readChartPackage } from '../../sandbox/chart-package';
import { readTgz, TarError } from '../../sandbox/tar-reader';
import { sharedChart } from './helpers';

/** A one-file ustar archive, gzip-compressed. */
function tgz(files: Array<{ name: string; content: string }>): Buffer {
  const blocks: Buffer[] = [];
  for (const file of files) {
    const data = Buffer.from(file.content);
    const header = Buffer.alloc(512);
    header.write(file.name, 0, 100);
    header.write('0000644\0', 100);
    header.write(`${data.length.toString(8).padStart(11, '0')}\0`, 124);
    header.write('00000000000\0', 136);
    header.write('0', 156);
    header.write('ustar\0' + '00', 257);
    header.write('        ', 148);
    let sum = 0;
    for (const b of header) sum += b;
    header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
    blocks.push(header, data, Buffer.alloc((512 - (data.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

describe('sandbox chart package reader', () => {
  it('reads name, version and file name from real packages, including a Chart.yaml with a BOM', () => {
    expect(readChartPackage(sharedChart('cm-authexample-org1-repo1-mychart-0.1.0.tgz'))).toMatchObject({ name: 'mychart', version: '0.1.0', filename: 'mychart-0.1.0.tgz' });
    expect(readChartPackage(sharedChart('helm-td-frobnitz_with_bom.tgz')).name).toBe('frobnitz');
  });

  it('keeps the modification time of Chart.yaml, which the seeded repo reports as the created date', () => {
    expect(readChartPackage(sharedChart('cm-authexample-org1-repo1-mychart-0.1.0.tgz')).chartYamlMtime.toISOString()).toBe('2018-12-05T06:57:46.000Z');
  });

  it('refuses what Helm refuses, with Helm\'s messages', () => {
    const cases: Array<[Buffer, string]> = [
      [tgz([{ name: 'c/values.yaml', content: 'a: 1' }]), 'Chart.yaml file is missing'],
      [tgz([{ name: 'c/Chart.yaml', content: 'version: 1.0.0' }]), 'validation: chart.metadata.name is required'],
      [tgz([{ name: 'c/Chart.yaml', content: 'name: c' }]), 'validation: chart.metadata.version is required'],
      [tgz([{ name: 'c/Chart.yaml', content: 'name: c\nversion: one' }]), 'validation: chart.metadata.version "one" is invalid'],
      [tgz([{ name: 'c/../../etc/x', content: '' }]), 'chart illegally references parent directory'],
      [tgz([{ name: 'Chart.yaml', content: 'name: c\nversion: 1.0.0' }]), 'chart yaml not in base directory'],
    ];
    for (const [archive, message] of cases) expect(() => readChartPackage(archive)).toThrow(message);
  });

  it('stops at the unpacked-size cap instead of inflating a gzip bomb', () => {
    const bomb = gzipSync(Buffer.alloc(8 * 1024 * 1024));
    expect(() => readTgz(bomb, { maxUnpackedBytes: 1024 * 1024, maxEntries: 10 })).toThrow(TarError);
  });

  it('rejects an archive whose declared entry size runs past its end', () => {
    const archive = tgz([{ name: 'c/Chart.yaml', content: 'name: c\nversion: 1.0.0' }]);
    const tar = gunzipSync(archive);
    tar.write('77777777777\0', 124);
    expect(() => readTgz(gzipSync(tar.subarray(0, 1024)))).toThrow(TarError);
  });

  it('throws only ChartPackageError for arbitrary bytes and for mangled real packages', () => {
    const real = sharedChart('cm-authexample-org1-repo1-mychart-0.1.0.tgz');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), fc.nat(), (bytes, cut) => {
        for (const input of [Buffer.from(bytes), Buffer.concat([real.subarray(0, cut % real.length), Buffer.from(bytes)])]) {
          try {
            readChartPackage(input);
          } catch (error) {
            expect(error).toBeInstanceOf(ChartPackageError);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
