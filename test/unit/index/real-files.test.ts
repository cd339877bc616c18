import { describe, expect, it } from 'vitest';
import { ChartDeskError } from '../../../electron/core/errors';
import { everything, openIndex, readIndexFile, realIndexFiles, referenceIndex, thrown } from './support';

const INVALID = new Map([['helm-push-readme-contextpath-invalid.yaml', /line 2, column 1/]]);
const files = realIndexFiles();

describe('every real index file', () => {
  it('finds the fixtures', () => {
    expect(files.length).toBeGreaterThan(25);
  });

  for (const file of files.filter((f) => !INVALID.has(f) && f.endsWith('.yaml'))) {
    it(`${file}: same charts, versions, digests and fields as the reference YAML parser`, () => {
      const bytes = readIndexFile(file);
      const index = openIndex(bytes);
      // Every real block-style file must take the fast path, or the speed targets mean nothing.
      expect(index.info().parser).toBe('fast');
      const ours = everything(index);
      const reference = everything(referenceIndex(bytes));
      expect(Object.keys(ours)).toEqual(Object.keys(reference));
      for (const [chart, versions] of Object.entries(reference)) {
        expect(ours[chart]?.map((v) => [v.version, v.digest])).toEqual(versions.map((v) => [v.version, v.digest]));
      }
      expect(ours).toEqual(reference);
    });
  }

  it('the full parser agrees with the fast path on the largest real files', () => {
    for (const file of ['bitnami-2023-03.yaml', 'cilium.yaml', 'helm-incubator.yaml']) {
      const bytes = readIndexFile(file);
      const full = openIndex(bytes, { forceFullParser: true });
      expect(full.info().parser).toBe('full');
      expect(everything(full)).toEqual(everything(openIndex(bytes)));
    }
  });

  it('reads the JSON form like the YAML form of the same Helm fixture', () => {
    const json = openIndex(readIndexFile('helm-td-local-index.json'));
    expect(json.info()).toMatchObject({ format: 'json', parser: 'json' });
    const yaml = openIndex(readIndexFile('helm-td-local-index-unordered.yaml'));
    const strip = (all: ReturnType<typeof everything>) => Object.fromEntries(Object.entries(all).map(([k, vs]) => [k, vs.map((v) => ({ ...v, annotations: {} }))]));
    expect(strip(everything(json))).toEqual(strip(everything(yaml)));
  });

  for (const [file, where] of INVALID) {
    it(`${file}: fails with an error that says where`, () => {
      const error = thrown(() => openIndex(readIndexFile(file)));
      expect(error).toBeInstanceOf(ChartDeskError);
      expect(error.kind).toBe('index-invalid');
      expect(error.message).toMatch(where);
    });
  }

  it('helm-td-malformed-index.yaml is valid YAML (Helm calls its repo URL malformed) and reads like its twin', () => {
    const malformed = readIndexFile('helm-td-malformed-index.yaml');
    expect(malformed.equals(readIndexFile('helm-td-testing-querystring-index.yaml'))).toBe(true);
    const index = openIndex(malformed);
    expect(index.version('alpine', '1.2.3')?.urls).toEqual(['alpine-1.2.3.tgz']);
  });
});
