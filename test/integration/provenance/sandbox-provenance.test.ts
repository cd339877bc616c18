/** Signing and verifying through the real core and the sandbox ChartMuseum: push chart + .prov, fetch them back, check with ChartDesk and gpg. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { startCore, type CoreHarness } from '../index/core-harness';
import { chartYaml, tgzOf } from '../../unit/charts/tar-builder';
import { GRAFANA_KEY_ID, HELM_TEST_FINGERPRINT, PASSWORD_KEY_PASSPHRASE, shared } from '../../unit/provenance/support';
import { openGpg, type Gpg } from './gpg';

type Failure = Error & { kind: string; hint?: string };
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e as Failure);
const b64 = (bytes: Buffer) => bytes.toString('base64');
const PASSWORD_KEY = 'E18D0BE258CB62933597C3527A891631B10DA2B1';

let sb: RunningSandbox;
let h: CoreHarness;
let gpg: Gpg;
let repoId: string;

beforeAll(async () => {
  sb = await startSandbox();
  h = await startCore();
  gpg = openGpg();
  const repo = await h.call<{ id: string }>('addRepo', {
    name: 'org1',
    url: `${sb.repoUrl}/org1/repo1`,
    auth: { mode: 'token-server', dialect: 'A', approvedRealmOrigin: new URL(sb.tokenUrl).origin },
    secret: 'MASTERKEY',
  });
  repoId = repo.id;
});
afterAll(async () => {
  await gpg?.close();
  await h?.close();
  await sb?.close();
});

/** GETs a file from the sandbox with a pull token, as any client would. */
async function download(path: string): Promise<Buffer> {
  const token = await fetch(`${sb.tokenUrl}?grant_type=client_credentials&scope=artifact-repository:org1/repo1:pull`, { method: 'POST', headers: { authorization: 'Bearer MASTERKEY' } });
  const { access_token: accessToken } = (await token.json()) as { access_token: string };
  const response = await fetch(`${sb.repoUrl}/org1/repo1/${path}`, { headers: { authorization: `Bearer ${accessToken}` } });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

describe('signed pushes to ChartMuseum', () => {
  it('signs with a vault key, pushes chart + prov as one form, and the round trip verifies in ChartDesk and in gpg', async () => {
    const imported = await h.call<{ keys: Array<{ fingerprint: string; protected: boolean }>; keyring: { added: unknown[] } }>('importSigningKey', { fileName: 'helm.secret', contentBase64: b64(shared('provenance', 'helm-td-helm-test-key.secret')) });
    expect(imported.keys).toMatchObject([{ fingerprint: HELM_TEST_FINGERPRINT, protected: false }]);
    expect(imported.keyring.added).toHaveLength(1);
    const pushed = await h.call('pushChart', { repoId, fileName: 'grafana-5.3.1.tgz', contentBase64: b64(shared('charts', 'grafana-5.3.1.tgz')), signWith: HELM_TEST_FINGERPRINT });
    expect(pushed).toMatchObject({ name: 'grafana', version: '5.3.1', signedBy: { fingerprint: HELM_TEST_FINGERPRINT, userId: expect.stringContaining('Helm Testing') } });
    const post = sb.requests.filter((r) => r.method === 'POST' && r.server === 'repo').at(-1);
    expect(post?.headers?.['content-type'] ?? '').toMatch(/^multipart\/form-data; boundary=/);

    const prov = await download('charts/grafana-5.3.1.tgz.prov');
    expect(prov.toString('utf8')).toContain('files:\n  grafana-5.3.1.tgz: sha256:20a36acb5ac0dd15');
    expect((await gpg.run(['--import'], shared('provenance', 'helm-td-helm-test-key.pub'))).code).toBe(0);
    const checked = await gpg.run(['--status-fd', '1', '--verify'], prov);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toContain(`VALIDSIG ${HELM_TEST_FINGERPRINT}`);

    await h.call('openIndex', { repoId, refresh: true });
    const result = await h.call<{ status: string; signer: { fingerprint: string }; provenanceUrl: string; pinned: string[] }>('verifyChartVersion', { repoId, name: 'grafana', version: '5.3.1' });
    expect(result).toMatchObject({ status: 'verified', verified: true, signer: { fingerprint: HELM_TEST_FINGERPRINT }, pinned: [] });
    expect(result.provenanceUrl).toBe(`${sb.repoUrl}/org1/repo1/charts/grafana-5.3.1.tgz.prov`);
  });

  it('asks for the passphrase of a protected key, refuses a wrong one without uploading, keeps it only when asked', async () => {
    await h.call('importSigningKey', { fileName: 'password.secret', contentBase64: b64(shared('provenance', 'helm-td-helm-password-key.secret')) });
    const chart = tgzOf([{ name: 'signed/Chart.yaml', data: chartYaml('signed', '1.0.0') }, { name: 'signed/values.yaml', data: 'a: 1\n' }]);
    const posts = () => sb.requests.filter((r) => r.method === 'POST' && r.server === 'repo').length;
    const before = posts();
    const push = (extra: Record<string, unknown>) => h.call('pushChart', { repoId, fileName: 'signed-1.0.0.tgz', contentBase64: b64(chart), signWith: PASSWORD_KEY, ...extra });
    expect(await failure(push({}))).toMatchObject({ kind: 'passphrase-required', message: 'password key (fake) <fake@helm.sh> is protected by a passphrase; give it to sign.' });
    expect(await failure(push({ passphrase: 'password' }))).toMatchObject({ kind: 'passphrase-incorrect' });
    expect(posts()).toBe(before);
    expect(await push({ passphrase: PASSWORD_KEY_PASSPHRASE, keepPassphrase: true })).toMatchObject({ signedBy: { fingerprint: PASSWORD_KEY } });
    const listed = await h.call<Array<{ fingerprint: string; passphraseSaved: boolean }>>('listSigningKeys', {});
    expect(listed.find((k) => k.fingerprint === PASSWORD_KEY)?.passphraseSaved).toBe(true);
    expect(await push({ force: true })).toMatchObject({ signedBy: { fingerprint: PASSWORD_KEY } });
    await h.call('openIndex', { repoId, refresh: true });
    expect(await h.call('verifyChartVersion', { repoId, name: 'signed', version: '1.0.0' })).toMatchObject({ status: 'verified', signer: { userId: 'password key (fake) <fake@helm.sh>' } });
  });

  it('says so when no .prov is published, and honours the repo’s pinned keys', async () => {
    expect(await h.call('verifyChartVersion', { repoId, name: 'mychart', version: '0.1.0' })).toMatchObject({ status: 'no-provenance', verified: false, summary: expect.stringContaining('publishes no provenance') });
    await h.call('setRepoTrust', { repoId, fingerprints: [PASSWORD_KEY] });
    expect(await h.call('verifyChartVersion', { repoId, name: 'grafana', version: '5.3.1' })).toMatchObject({ status: 'untrusted-key', pinned: [PASSWORD_KEY] });
    expect(await h.call('getRepoTrust', { repoId })).toEqual({ repoId, fingerprints: [PASSWORD_KEY] });
    await h.call('setRepoTrust', { repoId, fingerprints: [] });
    expect(await h.call('verifyChartVersion', { repoId, name: 'grafana', version: '5.3.1' })).toMatchObject({ status: 'verified' });
  });

  it('forgets a repo’s pinned keys when the repo is removed', async () => {
    const other = await h.call<{ id: string }>('addRepo', { name: 'short-lived', url: `${sb.repoUrl}/org2/repo2`, auth: { mode: 'none' } });
    await h.call('setRepoTrust', { repoId: other.id, fingerprints: [HELM_TEST_FINGERPRINT] });
    expect(await h.core.context.provenance.trust.get(other.id)).toEqual([HELM_TEST_FINGERPRINT]);
    await h.call('removeRepo', { repoId: other.id });
    expect(await h.core.context.provenance.trust.get(other.id)).toEqual([]);
  });

  it('signs and verifies without HTTP through the core’s seams (as an OCI provenance layer will)', async () => {
    const { provenance } = h.core.context;
    const tgz = shared('charts', 'tetragon-0.11.0.tgz');
    const signed = await provenance.signPackage(HELM_TEST_FINGERPRINT, tgz);
    expect(signed).toMatchObject({ fileName: 'tetragon-0.11.0.tgz', signer: { fingerprint: HELM_TEST_FINGERPRINT } });
    const input = { packageBytes: tgz, provenance: signed.provenance, chartName: 'tetragon', chartVersion: '0.11.0' };
    expect(await provenance.verifyPackage(repoId, input)).toMatchObject({ status: 'verified', pinned: [] });
    expect(await provenance.verifyPackage(undefined, { ...input, chartVersion: '0.12.0' })).toMatchObject({ status: 'wrong-chart' });
  });

  it('reports Grafana’s unknown key for a real Grafana .prov served by the repo', async () => {
    const loki = shared('charts', 'loki-2.0.1.tgz');
    await h.call('pushChart', { repoId, fileName: 'loki-2.0.1.tgz', contentBase64: b64(loki) });
    const token = await fetch(`${sb.tokenUrl}?grant_type=client_credentials&scope=artifact-repository:org1/repo1:pull,push`, { method: 'POST', headers: { authorization: 'Bearer MASTERKEY' } });
    const { access_token: accessToken } = (await token.json()) as { access_token: string };
    const uploaded = await fetch(`${sb.repoUrl}/api/org1/repo1/prov`, { method: 'POST', headers: { authorization: `Bearer ${accessToken}` }, body: new Uint8Array(shared('charts', 'loki-2.0.1.tgz.prov')) });
    expect(uploaded.status).toBe(201);
    await h.call('openIndex', { repoId, refresh: true });
    expect(await h.call('verifyChartVersion', { repoId, name: 'loki', version: '2.0.1' })).toMatchObject({ status: 'unknown-key', keyId: GRAFANA_KEY_ID });
  });
});
