import { describe, expect, it } from 'vitest';
import { parseChartMetadata } from '../../../electron/core/charts/chart-metadata';

describe('Chart.yaml', () => {
  it('keeps scalars as written (version 1.10 stays "1.10") and reads deprecated', () => {
    const meta = parseChartMetadata('\uFEFFapiVersion: v2\nname: web\nversion: 1.10\nappVersion: 2.0\ndeprecated: true\n');
    expect(meta).toMatchObject({ apiVersion: 'v2', name: 'web', version: '1.10', appVersion: '2.0', deprecated: true });
  });

  it('assumes apiVersion v1 when it is missing, as Helm does', () => {
    expect(parseChartMetadata('name: old\nversion: 0.1.0\n').apiVersion).toBe('v1');
  });

  it.each([
    ['name: a/b\nversion: 1.0.0\n', /not a valid chart name/],
    ['name: ..\nversion: 1.0.0\n', /not a valid chart name/],
    ['version: 1.0.0\n', /has no name/],
    ['name: a\n', /has no version/],
    ['name: a\nversion: latest\n', /not a semantic version/],
    ['name: a\nversion: 1.0.0\ntype: plugin\n', /unknown type "plugin"/],
    ['name: [unclosed\n', /not valid YAML/],
    ['- just\n- a list\n', /not a mapping/],
  ])('refuses %j', (source, message) => {
    expect(() => parseChartMetadata(source)).toThrow(message);
  });
});
