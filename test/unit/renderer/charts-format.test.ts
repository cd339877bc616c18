import { describe, expect, it } from 'vitest';
import { formatAge, formatBytes, parseCreated, shortDigest, shortUrl, urlParts } from '../../../renderer/src/features/charts/format';
import { helmName, httpInstallCommands } from '../../../electron/core/helm/install-commands';
import { httpsOnly } from '../../../renderer/src/features/charts/SafeLink';

describe('links in chart metadata and READMEs', () => {
  it('keeps only absolute https URLs', () => {
    expect(httpsOnly('https://github.com/bitnami/charts')).toBe('https://github.com/bitnami/charts');
    for (const bad of ['http://example.com', 'javascript:alert(1)', 'data:text/html,x', './docs/x.md', '#install', '//evil.example/x', 'https:/broken', '']) {
      expect(httpsOnly(bad)).toBeUndefined();
    }
  });
});

describe('chart facts as the tab writes them', () => {
  it('reads index timestamps with nanoseconds and offsets', () => {
    expect(parseCreated('2023-02-28T12:33:54.123456789Z')?.toISOString()).toBe('2023-02-28T12:33:54.123Z');
    expect(parseCreated('2022-11-24T10:00:00+08:00')?.toISOString()).toBe('2022-11-24T02:00:00.000Z');
    expect(parseCreated('not a date')).toBeUndefined();
  });

  it('shortens digests, URLs and sizes and words ages', () => {
    expect(shortDigest('sha256:20a36acb5ac0dd15aaaa')).toBe('20a36acb5ac0');
    expect(shortUrl('https://charts.bitnami.com/bitnami/redis-17.8.1.tgz')).toBe('charts.bitnami.com/…/redis-17.8.1.tgz');
    expect(shortUrl('cilium-1.16.0.tgz')).toBe('cilium-1.16.0.tgz');
    // The table elides the host part and keeps the file name whole.
    expect(urlParts('https://github.com/grafana/helm-charts/releases/download/grafana-10.5.15/grafana-10.5.15.tgz')).toEqual({ lead: 'github.com/…/', file: 'grafana-10.5.15.tgz' });
    expect(urlParts('charts/cilium-1.16.0.tgz')).toEqual({ lead: 'charts/', file: 'cilium-1.16.0.tgz' });
    expect(urlParts('cilium-1.16.0.tgz')).toEqual({ lead: '', file: 'cilium-1.16.0.tgz' });
    expect(formatBytes(4_194_186)).toBe('4.0 MB');
    expect(formatAge(30_000)).toBe('moments ago');
    expect(formatAge(3 * 3_600_000)).toBe('3 hours ago');
  });

  it('writes helm commands with a valid repo alias and the chosen version', () => {
    expect(helmName('Bitnami 2023 (mirror)')).toBe('bitnami-2023-mirror');
    const repo = { id: 'r', name: 'Sandbox org1', kind: 'http', url: 'http://localhost:8080/org1/repo1', auth: { mode: 'none', dialect: 'auto' }, tls: { insecureSkipVerify: false }, charts: [], passCredentialsAll: false, hasSecret: false } as const;
    expect(httpInstallCommands({ ...repo, charts: [] }, 'grafana', '5.4.0').commands.split('\n')).toEqual([
      'helm repo add sandbox-org1 http://localhost:8080/org1/repo1',
      'helm repo update sandbox-org1',
      'helm install grafana sandbox-org1/grafana --version 5.4.0',
    ]);
  });
});
