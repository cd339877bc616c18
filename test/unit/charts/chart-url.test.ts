import { readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { indexUrlOf, resolveAgainstRepo } from '../../../electron/core/charts/chart-url';
import { SHARED_DATA } from '../../support/paths';

type Index = { entries: Record<string, Array<{ urls?: string[] }>> };
/** Every chart URL of a real index, read with js-yaml as the reference parser. */
const urlsOf = (file: string) =>
  Object.values((load(readFileSync(path.join(SHARED_DATA, 'index', file), 'utf8')) as Index).entries).flatMap((versions) => versions.flatMap((v) => v.urls ?? []));

describe('chart URLs', () => {
  it('puts index.yaml under the repo URL, with or without a trailing slash, keeping a query string', () => {
    expect(indexUrlOf('http://h:8080/org1/repo1')).toBe('http://h:8080/org1/repo1/index.yaml');
    expect(indexUrlOf('http://h:8080/org1/repo1/')).toBe('http://h:8080/org1/repo1/index.yaml');
    expect(indexUrlOf('http://h')).toBe('http://h/index.yaml');
    expect(indexUrlOf('https://h/charts?token=abc')).toBe('https://h/charts/index.yaml?token=abc');
  });

  it('resolves every relative URL of cilium.yaml under the repo folder', () => {
    const urls = urlsOf('cilium.yaml');
    expect(urls.length).toBeGreaterThan(100);
    for (const url of urls) {
      expect(url).not.toMatch(/^https?:/);
      expect(resolveAgainstRepo('https://helm.cilium.io', url)).toBe(`https://helm.cilium.io/${url}`);
    }
  });

  it('keeps argo-helm’s absolute URLs and resolves its relative ones', () => {
    const urls = urlsOf('argo-helm.yaml');
    const absolute = urls.filter((u) => /^https?:\/\//.test(u));
    const relative = urls.filter((u) => !/^https?:\/\//.test(u));
    expect(absolute.length).toBeGreaterThan(0);
    expect(relative.length).toBeGreaterThan(0);
    for (const url of absolute) expect(resolveAgainstRepo('https://argoproj.github.io/argo-helm', url)).toBe(new URL(url).toString());
    for (const url of relative) expect(resolveAgainstRepo('https://argoproj.github.io/argo-helm', url)).toBe(`https://argoproj.github.io/argo-helm/${url}`);
  });

  it('resolves "charts/x.tgz" and "../x.tgz" as Helm does, carrying the repo query string', () => {
    expect(resolveAgainstRepo('http://h/org1/repo1', 'charts/mychart-0.1.0.tgz')).toBe('http://h/org1/repo1/charts/mychart-0.1.0.tgz');
    expect(resolveAgainstRepo('http://h/org1/repo1/', '../shared/x-1.0.0.tgz')).toBe('http://h/org1/shared/x-1.0.0.tgz');
    expect(resolveAgainstRepo('http://h/repo?sig=1', 'charts/a.tgz')).toBe('http://h/repo/charts/a.tgz?sig=1');
  });

  it('refuses chart URLs with other schemes', () => {
    expect(() => resolveAgainstRepo('http://h/r', 'file:///etc/passwd')).toThrow(/unsupported scheme "file:"/);
  });
});
