/** Provenance with an OCI registry: verify the provenance layer Helm pushed, sign a push so its .prov rides as the provenance layer, check it with gpg. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { OCI_SERVICE } from '../../sandbox/oci-registry';
import { startCore, type CoreHarness } from '../index/core-harness';
import { HELM_TEST_FINGERPRINT, shared } from '../../unit/provenance/support';
import { testChart } from '../oci/oci-support';
import { openGpg, type Gpg } from './gpg';

const b64 = (bytes: Buffer) => bytes.toString('base64');
type Result = { status: string; verified: boolean; signer?: { fingerprint: string; userId: string }; provenanceUrl?: string };

let sb: RunningSandbox;
let h: CoreHarness;
let gpg: Gpg;
let repoId: string;
let host: string;

beforeAll(async () => {
  sb = await startSandbox({ oci: true });
  host = `localhost:${new URL(sb.registryUrl as string).port}`;
  h = await startCore();
  gpg = openGpg();
  repoId = (await h.call<{ id: string }>('addRepo', { name: 'reg', url: `oci://${host}/charts`, auth: { mode: 'basic', username: 'user', dialect: 'auto' }, secret: 'pass' })).id;
}, 60_000);
afterAll(async () => {
  await gpg?.close();
  await h?.close();
  await sb?.close();
});

describe('provenance in an OCI registry', () => {
  it('verifies the provenance layer of a chart pushed in Helm’s layout, once the signer’s key is in the keyring', async () => {
    const before = await h.call<Result>('verifyChartVersion', { repoId, name: 'signtest', version: '0.1.0' });
    expect(before).toMatchObject({ status: 'unknown-key', verified: false });
    expect(before.provenanceUrl).toBe(`oci://${host}/charts/signtest:0.1.0 (provenance layer)`);
    await h.call('importKeys', { fileName: 'helm.pub', contentBase64: b64(shared('provenance', 'helm-td-helm-test-key.pub')) });
    const after = await h.call<Result>('verifyChartVersion', { repoId, name: 'signtest', version: '0.1.0' });
    expect(after).toMatchObject({ status: 'verified', verified: true, signer: { fingerprint: HELM_TEST_FINGERPRINT } });
    expect((await h.call<Result>('verifyChartVersion', { repoId, name: 'grafana', version: '5.3.1' })).status).toBe('no-provenance');
  });

  it('signs a push with a vault key: the .prov goes up as the provenance layer and gpg verifies it', async () => {
    await h.call('importSigningKey', { fileName: 'helm.secret', contentBase64: b64(shared('provenance', 'helm-td-helm-test-key.secret')) });
    const pushed = await h.call<{ signedBy?: { fingerprint: string } }>('pushChart', { repoId, fileName: 'signed-1.0.0.tgz', contentBase64: b64(testChart('signed', '1.0.0')), signWith: HELM_TEST_FINGERPRINT });
    expect(pushed.signedBy?.fingerprint).toBe(HELM_TEST_FINGERPRINT);
    await h.call('openIndex', { repoId, refresh: true });
    expect(await h.call<Result>('verifyChartVersion', { repoId, name: 'signed', version: '1.0.0' })).toMatchObject({ status: 'verified', signer: { fingerprint: HELM_TEST_FINGERPRINT } });

    const view = await h.call<{ layers: Array<{ role: string; digest: string }> }>('getManifest', { repoId, name: 'signed', version: '1.0.0' });
    const layer = view.layers.find((l) => l.role === 'provenance');
    expect(layer).toBeDefined();
    const token = ((await (await fetch(`${sb.tokenUrl}?${new URLSearchParams({ service: OCI_SERVICE, scope: 'repository:charts/signed:pull' })}`)).json()) as { token: string }).token;
    const prov = Buffer.from(await (await fetch(`${sb.registryUrl}/v2/charts/signed/blobs/${layer?.digest}`, { headers: { Authorization: `Bearer ${token}` } })).arrayBuffer());
    expect(prov.toString('utf8')).toMatch(/files:\n {2}signed-1\.0\.0\.tgz: sha256:[a-f0-9]{64}/);
    expect((await gpg.run(['--import'], shared('provenance', 'helm-td-helm-test-key.pub'))).code).toBe(0);
    const checked = await gpg.run(['--status-fd', '1', '--verify'], prov);
    expect(checked.code, checked.stderr).toBe(0);
    expect(checked.stdout).toContain(`VALIDSIG ${HELM_TEST_FINGERPRINT}`);
  });
});
