/** `chartdesk verify`, `keys`, `pull --verify` and `push --sign` end to end: the built bin, the sandbox, the real keychain. */
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../sandbox';
import { SHARED_DATA } from '../../support/paths';
import { isolatedCliEnv, runChartdesk, type CliRun } from '../../support/run-cli';
import { chartYaml, tgzOf } from '../../unit/charts/tar-builder';
import { freshKey, GRAFANA_KEY_ID, HELM_TEST_FINGERPRINT, PASSWORD_KEY_PASSPHRASE } from '../../unit/provenance/support';

const HOME = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-cli-prov-'));
const WORK = path.join(HOME, 'work');
const data = (...parts: string[]) => path.join(SHARED_DATA, ...parts);
const HELM_PUB = data('provenance', 'helm-td-helm-test-key.pub');

/** The CLI with a throwaway home; `keychain` lets it reach the test session's Secret Service (signing keys live in the vault). */
function chartdesk(args: string[], options: { env?: Record<string, string>; stdin?: string; keychain?: boolean } = {}): Promise<CliRun> {
  const bus = process.env.DBUS_SESSION_BUS_ADDRESS;
  const keychainEnv: Record<string, string> = options.keychain ? { CHARTDESK_KEYCHAIN: '', ...(bus ? { DBUS_SESSION_BUS_ADDRESS: bus } : {}) } : {};
  return runChartdesk(args, { env: isolatedCliEnv(HOME, { ...keychainEnv, ...options.env }), ...(options.stdin !== undefined ? { stdin: options.stdin } : {}) });
}

/** Copies a shared chart and its .prov into WORK under Helm's own file name. */
function localChart(file: string, prov: string, name: string): string {
  const target = path.join(WORK, name);
  copyFileSync(file, target);
  copyFileSync(prov, `${target}.prov`);
  return target;
}

let sb: RunningSandbox;
beforeAll(async () => {
  mkdirSync(WORK, { recursive: true });
  sb = await startSandbox();
});
afterAll(async () => {
  await sb?.close();
  rmSync(HOME, { recursive: true, force: true });
});

describe('chartdesk verify on local packages', () => {
  it('verifies Helm’s signed chart with --keyring (exit 0, helm verify’s lines), refuses a changed byte and an unknown key (exit 1)', async () => {
    const signtest = localChart(data('charts', 'helm-td-signtest-0.1.0.tgz'), data('charts', 'helm-td-signtest-0.1.0.tgz.prov'), 'signtest-0.1.0.tgz');
    const ok = await chartdesk(['verify', signtest, '--keyring', HELM_PUB]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toBe(
      'Signed by: Helm Testing (This key should only be used for testing. DO NOT TRUST.) <helm-testing@helm.sh>\n' +
        `Using Key With Fingerprint: ${HELM_TEST_FINGERPRINT}\nChart Hash Verified: sha256:e5ef611620fb97704d8751c16bab17fedb68883bfb0edc76f78a70e9173f9b55\n`,
    );
    // Without --keyring, the (empty) keyring of the data folder is used.
    const unknown = await chartdesk(['verify', signtest]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown-key: signtest 0.1.0 is signed by a key that is not in your keyring: 843BBF981FC18762.');

    const changed = path.join(WORK, 'changed', 'signtest-0.1.0.tgz');
    mkdirSync(path.dirname(changed), { recursive: true });
    const bytes = readFileSync(signtest);
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 1;
    writeFileSync(changed, bytes);
    copyFileSync(`${signtest}.prov`, `${changed}.prov`);
    const mismatch = await chartdesk(['verify', changed, '--keyring', HELM_PUB, '--json']);
    expect(mismatch.code).toBe(1);
    expect(JSON.parse(mismatch.stdout)).toMatchObject({ status: 'digest-mismatch', verified: false });

    const loki = localChart(data('charts', 'loki-2.0.1.tgz'), data('charts', 'loki-2.0.1.tgz.prov'), 'loki-2.0.1.tgz');
    const grafana = await chartdesk(['verify', loki, '--keyring', HELM_PUB]);
    expect(grafana.code).toBe(1);
    expect(grafana.stderr).toContain(`not in your keyring: ${GRAFANA_KEY_ID}`);
  });

  it('says when there is no .prov beside the file, and when the file is not a package', async () => {
    const bare = path.join(WORK, 'bare', 'grafana-5.3.1.tgz');
    mkdirSync(path.dirname(bare), { recursive: true });
    copyFileSync(data('charts', 'grafana-5.3.1.tgz'), bare);
    const none = await chartdesk(['verify', bare]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(`no-provenance: There is no provenance file beside the package (${bare}.prov).`);
    expect((await chartdesk(['verify', path.join(WORK, 'missing.tgz')])).stderr).toContain('There is no chart package at');
    expect((await chartdesk(['verify', 'somerepo'])).code).toBe(2);
  });
});

describe('chartdesk keys', () => {
  it('imports several keys, lists them, removes one; a keyring of them then verifies', async () => {
    const imported = await chartdesk(['keys', 'import', data('provenance', 'helm-td-helm-mixed-keyring.pub')]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('Added Helm Testing');
    expect(imported.stdout).toContain('Added Helm Ed25519 Test <helm-ed25519@helm.sh> (4CBE 754C 2558 0C6C 878D  E711 FB85 6812 CE2F CB64).');
    const listed = await chartdesk(['keys', 'list']);
    expect(listed.stdout).toMatch(/^Keyring \(2\):\n/);
    expect(listed.stdout).toContain('5E61 5389 B53C A37F 0EE6  0BD3 843B BF98 1FC1 8762  RSA 2048, created 2016-07-25, no expiry');
    const json = JSON.parse((await chartdesk(['keys', 'list', '--json'])).stdout) as { keys: Array<{ fingerprint: string }> };
    expect(json.keys.map((k) => k.fingerprint)).toContain(HELM_TEST_FINGERPRINT);
    const signtest = path.join(WORK, 'signtest-0.1.0.tgz');
    expect((await chartdesk(['verify', signtest])).code).toBe(0);
    expect((await chartdesk(['keys', 'remove', '4CBE754C25580C6C878DE711FB856812CE2FCB64'])).stdout).toContain('Removed Helm Ed25519 Test');
    expect((await chartdesk(['keys', 'remove', '4CBE754C25580C6C878DE711FB856812CE2FCB64'])).code).toBe(1);
    expect((await chartdesk(['keys', 'remove', 'abc'])).code).toBe(2);
  });
});

describe('signing pushes and verified pulls against the sandbox', () => {
  const repo = () => `${sb.repoUrl}/org1/repo1`;
  const key = { CHARTDESK_SECRET: 'MASTERKEY' };
  const chart = path.join(WORK, 'signedcli-1.0.0.tgz');

  it('signs with a passphrase key read from stdin or the environment, never argv; refuses a wrong one', async () => {
    writeFileSync(chart, tgzOf([{ name: 'signedcli/Chart.yaml', data: chartYaml('signedcli', '1.0.0') }, { name: 'signedcli/values.yaml', data: 'x: 1\n' }]));
    const imported = await chartdesk(['keys', 'import', '--secret', data('provenance', 'helm-td-helm-password-key.secret')], { keychain: true });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('protected by a passphrase');
    const noPass = await chartdesk(['push', repo(), chart, '--sign', 'fake@helm.sh'], { env: key, keychain: true });
    expect(noPass.code).toBe(1);
    expect(noPass.stderr).toContain('is protected by a passphrase');
    const wrong = await chartdesk(['push', repo(), chart, '--sign', 'fake@helm.sh'], { env: { ...key, CHARTDESK_SIGNING_PASSPHRASE: 'password' }, keychain: true });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('The passphrase for password key (fake) <fake@helm.sh> is not correct.');
    expect((await chartdesk(['push', repo(), chart, '--sign', 'fake', '--passphrase', PASSWORD_KEY_PASSPHRASE], { env: key, keychain: true })).code).toBe(2);
    const pushed = await chartdesk(['push', repo(), chart, '--sign', '7A891631B10DA2B1'], { env: key, stdin: `${PASSWORD_KEY_PASSPHRASE}\n`, keychain: true });
    expect(pushed.code, pushed.stderr).toBe(0);
    expect(pushed.stdout).toBe(`Pushed signedcli 1.0.0 to ${repo()}, signed by password key (fake) <fake@helm.sh>.\n`);
  });

  it('verifies the pushed chart from the repo and pulls it with --verify (package and .prov written); refuses one without a .prov', async () => {
    const listed = JSON.parse((await chartdesk(['keys', 'list', '--json'], { keychain: true })).stdout) as { keys: Array<{ fingerprint: string }> };
    expect(listed.keys.map((k) => k.fingerprint)).toContain('E18D0BE258CB62933597C3527A891631B10DA2B1');
    const verified = await chartdesk(['verify', repo(), 'signedcli', '--version', '1.0.0'], { env: key });
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toContain('Signed by: password key (fake) <fake@helm.sh>');
    expect((await chartdesk(['verify', repo(), 'signedcli', '--keyring', HELM_PUB], { env: key })).code).toBe(1);

    const dest = path.join(WORK, 'pulled');
    const pulled = await chartdesk(['pull', repo(), 'signedcli', '--verify', '-d', dest], { env: key });
    expect(pulled.code, pulled.stderr).toBe(0);
    expect(existsSync(path.join(dest, 'signedcli-1.0.0.tgz'))).toBe(true);
    expect(readFileSync(path.join(dest, 'signedcli-1.0.0.tgz.prov'), 'utf8')).toContain('signedcli-1.0.0.tgz: sha256:');
    const refused = await chartdesk(['pull', repo(), 'mychart', '--verify', '-d', dest], { env: key });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('no-provenance');
    expect(refused.stderr).toContain('nothing was written');
    expect(existsSync(path.join(dest, 'mychart-0.1.0.tgz'))).toBe(false);
  });

  it('keeps a passphrase only sealed in the vault when asked: no file or output holds it', async () => {
    const passphrase = `pp-${randomBytes(12).toString('hex')}`;
    const { privateKey } = await freshKey('Kept Passphrase', { passphrase });
    const keyFile = path.join(WORK, 'kept.asc');
    writeFileSync(keyFile, privateKey.armor());
    const kept = path.join(WORK, 'keptpp-1.0.0.tgz');
    writeFileSync(kept, tgzOf([{ name: 'keptpp/Chart.yaml', data: chartYaml('keptpp', '1.0.0') }]));
    const runs = [
      await chartdesk(['keys', 'import', '--secret', keyFile], { keychain: true }),
      await chartdesk(['push', repo(), kept, '--sign', 'Kept Passphrase', '--keep-passphrase'], { env: { ...key, CHARTDESK_SIGNING_PASSPHRASE: passphrase }, keychain: true }),
      await chartdesk(['push', repo(), kept, '--sign', 'Kept Passphrase', '--force'], { env: key, keychain: true }),
      await chartdesk(['keys', 'list', '--json'], { keychain: true }),
    ];
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0]);
    expect(runs[2]?.stdout).toContain('signed by Kept Passphrase');
    const files = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(path.join(dir, n)).isDirectory() ? files(path.join(dir, n)) : [path.join(dir, n)]));
    const written = files(path.join(HOME, 'data')).map((f) => readFileSync(f, 'latin1')).join('\n');
    expect(written).toContain('signing-passphrase:');
    expect(written).not.toContain(passphrase);
    for (const run of runs) expect(run.stdout + run.stderr).not.toContain(passphrase);
  });
});

