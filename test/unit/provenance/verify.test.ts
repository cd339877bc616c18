import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { signProvenance } from '../../../electron/core/provenance/sign';
import { verifyProvenance, type VerifyInput } from '../../../electron/core/provenance/verify';
import { freshKey, GRAFANA_KEY_ID, hashtest, HELM_TEST_FINGERPRINT, helmTestKey, helmTestSecretKey, shared, signtest } from './support';
import * as openpgp from 'openpgp';

const chartYamlOf = (tgz: Buffer, path: string) => execFileSync('tar', ['-xzOf', '-', path], { input: tgz }).toString('utf8');
const verify = async (input: Omit<VerifyInput, 'keys'> & { keys?: VerifyInput['keys'] }) => verifyProvenance({ keys: [await helmTestKey()], ...input });

describe('verifying the signed charts of ../shared/data', () => {
  it('verifies Helm’s signtest and hashtest charts with Helm’s test key and names the signer', async () => {
    for (const [chart, name, version] of [[signtest(), 'signtest', '0.1.0'], [hashtest(), 'hashtest', '1.2.3']] as const) {
      const outcome = await verify({ packageBytes: chart.tgz, provenance: chart.prov, chartName: name, chartVersion: version, fileName: `helm-td-${name}-${version}.tgz` });
      expect(outcome).toMatchObject({ status: 'verified', verified: true, fileName: `${name}-${version}.tgz`, signer: { fingerprint: HELM_TEST_FINGERPRINT, keyId: '843BBF981FC18762' } });
      expect(outcome.signer?.userId).toBe('Helm Testing (This key should only be used for testing. DO NOT TRUST.) <helm-testing@helm.sh>');
      expect(outcome.summary).toContain('5E61 5389 B53C A37F 0EE6  0BD3 843B BF98 1FC1 8762');
      expect(outcome.signedAt).toBeLessThan(Date.UTC(2020, 0, 1));
    }
  });

  it('says which unknown key signed Grafana’s charts, and how to import it', async () => {
    for (const [file, name, version] of [['loki-2.0.1.tgz', 'loki', '2.0.1'], ['loki-stack-0.41.1.tgz', 'loki-stack', '0.41.1'], ['fluent-bit-0.1.3.tgz', 'fluent-bit', '0.1.3']] as const) {
      const outcome = await verify({ packageBytes: shared('charts', file), provenance: shared('charts', `${file}.prov`), chartName: name, chartVersion: version });
      expect(outcome).toMatchObject({ status: 'unknown-key', verified: false, keyId: GRAFANA_KEY_ID });
      expect(outcome.summary).toBe(`${name} ${version} is signed by a key that is not in your keyring: ${GRAFANA_KEY_ID}.`);
      expect(outcome.hint).toContain('chartdesk keys import');
    }
  });

  it('refuses the tampered message: the signature no longer matches its text', async () => {
    const outcome = await verify({ packageBytes: hashtest().tgz, provenance: shared('provenance', 'helm-td-msgblock.yaml.tampered'), chartName: 'hashtest', chartVersion: '1.2.3' });
    expect(outcome.status).toBe('bad-signature');
    expect(outcome.summary).toContain('does not match its text');
    // The untampered original verifies, so it is the change that fails it.
    expect((await verify({ packageBytes: hashtest().tgz, provenance: shared('provenance', 'helm-td-msgblock.yaml.asc'), chartName: 'hashtest', chartVersion: '1.2.3' })).status).toBe('verified');
  });

  it('fails the digest check for a package changed by one byte', async () => {
    const changed = Buffer.from(signtest().tgz);
    changed[changed.length - 20] = (changed[changed.length - 20] ?? 0) ^ 0x01;
    const outcome = await verify({ packageBytes: changed, provenance: signtest().prov, chartName: 'signtest', chartVersion: '0.1.0' });
    expect(outcome).toMatchObject({ status: 'digest-mismatch', verified: false, signedDigest: 'e5ef611620fb97704d8751c16bab17fedb68883bfb0edc76f78a70e9173f9b55' });
    expect(outcome.actualDigest).not.toBe(outcome.signedDigest);
    expect(outcome.hint).toContain('Do not install it');
  });

  it('fails a .prov made for another version of the chart, and one for another chart', async () => {
    const key = await helmTestSecretKey();
    const tgz = hashtest().tgz;
    const chartYaml = chartYamlOf(tgz, 'hashtest/Chart.yaml').replace('version: 1.2.3', 'version: 1.2.4');
    const other = await signProvenance({ packageBytes: tgz, chartYaml, fileName: 'hashtest-1.2.4.tgz', signingKey: key });
    const outcome = await verify({ packageBytes: tgz, provenance: other, chartName: 'hashtest', chartVersion: '1.2.3' });
    expect(outcome).toMatchObject({ status: 'wrong-chart', signedChart: { name: 'hashtest', version: '1.2.4' } });
    expect(outcome.summary).toBe('The provenance is for hashtest 1.2.4, not hashtest 1.2.3.');
    expect((await verify({ packageBytes: signtest().tgz, provenance: hashtest().prov, chartName: 'signtest', chartVersion: '0.1.0' })).status).toBe('wrong-chart');
  });
});

describe('keys that no longer count', () => {
  it('reports a signature by a key that has since expired (as Helm refuses it)', async () => {
    const made = new Date(Date.now() - 10 * 86_400_000);
    const { privateKey, publicKey } = await freshKey('Expired Publisher', { date: made, expiresInSeconds: 86_400 });
    const tgz = hashtest().tgz;
    const prov = await signProvenance({ packageBytes: tgz, chartYaml: chartYamlOf(tgz, 'hashtest/Chart.yaml'), fileName: 'hashtest-1.2.3.tgz', signingKey: privateKey, date: new Date(made.getTime() + 3_600_000) });
    const outcome = await verifyProvenance({ packageBytes: tgz, provenance: prov, chartName: 'hashtest', chartVersion: '1.2.3', keys: [publicKey] });
    expect(outcome.status).toBe('expired-key');
    expect(outcome.summary).toContain('Expired Publisher');
    expect(outcome.summary).toContain(`expired on ${new Date(made.getTime() + 86_400_000).toISOString().slice(0, 10)}`);
  });

  it('reports a signature by a revoked key', async () => {
    const { privateKey } = await freshKey('Revoked Publisher');
    const tgz = hashtest().tgz;
    const prov = await signProvenance({ packageBytes: tgz, chartYaml: chartYamlOf(tgz, 'hashtest/Chart.yaml'), fileName: 'hashtest-1.2.3.tgz', signingKey: privateKey });
    const { publicKey: revoked } = await openpgp.revokeKey({ key: privateKey, format: 'object' });
    const outcome = await verifyProvenance({ packageBytes: tgz, provenance: prov, chartName: 'hashtest', chartVersion: '1.2.3', keys: [revoked] });
    expect(outcome.status).toBe('revoked-key');
    expect(outcome.summary).toContain('has been revoked');
  });

  it('does not trust a keyring key the repo did not pin', async () => {
    const input = { packageBytes: hashtest().tgz, provenance: hashtest().prov, chartName: 'hashtest', chartVersion: '1.2.3' };
    const elsewhere = (await freshKey('Someone Else')).publicKey.getFingerprint().toUpperCase();
    expect((await verify({ ...input, trustedFingerprints: [elsewhere] })).status).toBe('untrusted-key');
    expect((await verify({ ...input, trustedFingerprints: [HELM_TEST_FINGERPRINT.toLowerCase()] })).status).toBe('verified');
  });
});
