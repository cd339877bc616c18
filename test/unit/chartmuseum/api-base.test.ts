import { describe, expect, it } from 'vitest';
import { chartMuseumChartsUrl, chartVersionUrl } from '../../../electron/core/chartmuseum/api-base';

describe('ChartMuseum API URL from the repo URL', () => {
  it.each([
    ['depth 0', 'http://localhost:8080', 'http://localhost:8080/api/charts'],
    ['depth 0 with slash', 'http://localhost:8080/', 'http://localhost:8080/api/charts'],
    ['depth 1', 'http://localhost:8080/team', 'http://localhost:8080/api/team/charts'],
    ['depth 2', 'http://localhost:8080/org1/repo1', 'http://localhost:8080/api/org1/repo1/charts'],
    ['depth 2 with slash', 'https://cm.example/org1/repo1/', 'https://cm.example/api/org1/repo1/charts'],
  ])('%s: %s → %s', (_depth, repo, api) => {
    expect(chartMuseumChartsUrl(repo)).toBe(api);
  });

  it('puts the API after the server’s context path (index serverInfo.contextPath)', () => {
    expect(chartMuseumChartsUrl('http://h/cm/org1/repo1', '/cm')).toBe('http://h/cm/api/org1/repo1/charts');
    expect(chartMuseumChartsUrl('http://h/cm/org1/repo1', 'cm/')).toBe('http://h/cm/api/org1/repo1/charts');
    expect(chartMuseumChartsUrl('http://h/cm', '/cm')).toBe('http://h/cm/api/charts');
    expect(chartMuseumChartsUrl('http://h/org1/repo1', '')).toBe('http://h/api/org1/repo1/charts');
  });

  it('drops the repo query string and encodes chart names and versions as path segments', () => {
    expect(chartMuseumChartsUrl('http://h/org1/repo1?x=1')).toBe('http://h/api/org1/repo1/charts');
    expect(chartVersionUrl('http://h/api/org1/repo1/charts', 'my chart', '1.0.0+build/1')).toBe('http://h/api/org1/repo1/charts/my%20chart/1.0.0%2Bbuild%2F1');
  });
});
