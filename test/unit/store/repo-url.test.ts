import { describe, expect, it } from 'vitest';
import { normalizeRepoUrl, repoForUrl } from '../../../electron/core/store/repo-url';

describe('repo URLs', () => {
  it('stores http(s) without a trailing slash or fragment, and turns cm:// into https (or http)', () => {
    expect(normalizeRepoUrl(' https://charts.example.com/org/repo/ ')).toBe('https://charts.example.com/org/repo');
    expect(normalizeRepoUrl('https://charts.example.com/#x')).toBe('https://charts.example.com');
    expect(normalizeRepoUrl('cm://localhost:8080/org1/repo1')).toBe('https://localhost:8080/org1/repo1');
    expect(normalizeRepoUrl('cm://localhost:8080/org1/repo1', true)).toBe('http://localhost:8080/org1/repo1');
    expect(() => normalizeRepoUrl('oci://registry.example.com')).toThrow(/http:\/\/ or https:\/\//);
    expect(() => normalizeRepoUrl('not a url')).toThrow(/not a valid URL/);
  });

  it('cuts a pasted index.yaml address back to the repo folder', () => {
    expect(normalizeRepoUrl('https://charts.example.com/cilium/index.yaml')).toBe('https://charts.example.com/cilium');
    expect(normalizeRepoUrl('http://127.0.0.1:8080/index.yaml')).toBe('http://127.0.0.1:8080');
    expect(normalizeRepoUrl('cm://localhost:8080/org1/repo1/INDEX.YAML')).toBe('https://localhost:8080/org1/repo1');
    expect(normalizeRepoUrl('https://charts.example.com/index.yaml?sig=abc')).toBe('https://charts.example.com/index.yaml?sig=abc');
    expect(normalizeRepoUrl('https://charts.example.com/index.yaml-charts')).toBe('https://charts.example.com/index.yaml-charts');
  });

  it('finds the repo a request URL falls under, preferring the longest match and whole path segments', () => {
    const repos = [
      { id: 'root', url: 'http://localhost:8080' },
      { id: 'r1', url: 'http://localhost:8080/org1/repo1' },
      { id: 'r10', url: 'http://localhost:8080/org1/repo10' },
    ];
    expect(repoForUrl(repos, 'http://localhost:8080/org1/repo1/index.yaml')?.id).toBe('r1');
    expect(repoForUrl(repos, 'http://localhost:8080/org1/repo10/charts/a-1.0.0.tgz')?.id).toBe('r10');
    expect(repoForUrl(repos, 'http://localhost:8080/org1/repo1')?.id).toBe('r1');
    expect(repoForUrl(repos, 'http://localhost:8080/org2/repo2/index.yaml')?.id).toBe('root');
    expect(repoForUrl(repos, 'http://localhost:9090/org1/repo1/index.yaml')).toBeUndefined();
    expect(repoForUrl(repos, 'https://localhost:8080/org1/repo1/index.yaml')).toBeUndefined();
  });
});
