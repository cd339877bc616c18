import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { helmMetadataYaml } from '../../../electron/core/provenance/helm-metadata';
import { signProvenance } from '../../../electron/core/provenance/sign';
import { verifyProvenance } from '../../../electron/core/provenance/verify';
import { hashtest, helmTestKey, helmTestSecretKey, shared, signtest } from './support';

const chartYamlOf = (tgz: Buffer, path: string) => execFileSync('tar', ['-xzOf', '-', path], { input: tgz }).toString('utf8');
const messagePart = (prov: string) => prov.slice(0, prov.indexOf('-----BEGIN PGP SIGNATURE-----'));

describe('signing as helm package --sign does', () => {
  it('writes the same signed text as Helm for its own test charts, clear-signed with SHA512', async () => {
    const key = await helmTestSecretKey();
    for (const [chart, name, version] of [[hashtest(), 'hashtest', '1.2.3'], [signtest(), 'signtest', '0.1.0']] as const) {
      const prov = await signProvenance({ packageBytes: chart.tgz, chartYaml: chartYamlOf(chart.tgz, `${name}/Chart.yaml`), fileName: `${name}-${version}.tgz`, signingKey: key });
      expect(messagePart(prov)).toBe(messagePart(chart.prov.toString('utf8')));
      expect(prov.startsWith('-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n')).toBe(true);
      expect(prov.endsWith('-----END PGP SIGNATURE-----')).toBe(true);
      const outcome = await verifyProvenance({ packageBytes: chart.tgz, provenance: prov, chartName: name, chartVersion: version, keys: [await helmTestKey()] });
      expect(outcome.status).toBe('verified');
    }
  });

  it('writes Chart.yaml as Helm marshals it: known fields only, sorted, long text folded past column 80', () => {
    const fluentBit = chartYamlOf(shared('charts', 'fluent-bit-0.1.3.tgz'), 'fluent-bit/Chart.yaml');
    const text = helmMetadataYaml(fluentBit);
    // Grafana's .prov (made by an older tool) shows go-yaml's fold of this description.
    expect(text).toContain('description: Uses fluent-bit Loki go plugin for gathering logs and sending them to\n  Loki\n');
    expect(text).not.toContain('engine:'); // Helm 3's Metadata has no engine field
    expect(text.split('\n').filter((l) => /^[a-zA-Z]/.test(l)).map((l) => l.split(':')[0])).toEqual(['apiVersion', 'appVersion', 'description', 'home', 'icon', 'kubeVersion', 'maintainers', 'name', 'sources', 'version']);
    expect(helmMetadataYaml('name: a\nversion: 1.0.0\nappVersion: "1.10"\ndescription: "Loki: logs"\nkeywords: [on]\n')).toBe(
      'apiVersion: v1\nappVersion: "1.10"\ndescription: \'Loki: logs\'\nkeywords:\n- "on"\nname: a\nversion: 1.0.0\n',
    );
  });

  it('refuses a key that is still locked by its passphrase', async () => {
    const locked = (await import('openpgp')).readPrivateKey({ binaryKey: shared('provenance', 'helm-td-helm-password-key.secret') });
    await expect(signProvenance({ packageBytes: hashtest().tgz, chartYaml: 'name: hashtest\nversion: 1.2.3\n', fileName: 'hashtest-1.2.3.tgz', signingKey: await locked })).rejects.toMatchObject({ step: 'sign' });
  });
});
