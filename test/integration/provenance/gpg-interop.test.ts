/** ChartDesk's provenance against GnuPG: what ChartDesk signs gpg verifies, and what gpg signs ChartDesk verifies. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provenanceMessage } from '../../../electron/core/provenance/helm-metadata';
import { readKeyFile } from '../../../electron/core/provenance/key-data';
import { signProvenance } from '../../../electron/core/provenance/sign';
import { verifyProvenance } from '../../../electron/core/provenance/verify';
import { sha256Hex } from '../../../electron/core/charts/digest';
import { hashtest, helmTestSecretKey, shared } from '../../unit/provenance/support';
import { openGpg, type Gpg } from './gpg';

let gpg: Gpg;
beforeAll(() => {
  gpg = openGpg();
});
afterAll(async () => gpg?.close());

const HASHTEST_YAML = 'apiVersion: v1\ndescription: Test chart versioning\nname: hashtest\nversion: 1.2.3\n';

describe('GnuPG and ChartDesk agree', () => {
  it('gpg --verify accepts a .prov ChartDesk signed with Helm’s test key', async () => {
    const prov = await signProvenance({ packageBytes: hashtest().tgz, chartYaml: HASHTEST_YAML, fileName: 'hashtest-1.2.3.tgz', signingKey: await helmTestSecretKey() });
    expect((await gpg.run(['--import'], shared('provenance', 'helm-td-helm-test-key.pub'))).code).toBe(0);
    const result = await gpg.run(['--status-fd', '1', '--verify'], prov);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('[GNUPG:] VALIDSIG 5E615389B53CA37F0EE60BD3843BBF981FC18762');
    expect(result.stdout).toMatch(/\[GNUPG:\] GOODSIG 843BBF981FC18762 Helm Testing/);
    expect(result.stderr).toContain('Good signature from "Helm Testing');
    // gpg sees the same digest algorithm Helm uses (SHA512 = 10 in the VALIDSIG line).
    expect(result.stdout).toMatch(/VALIDSIG \S+ \S+ \d+ \d+ 4 0 1 10 01/);
  });

  it('verifies a .prov that gpg --clearsign made with a gpg-generated key, once that key is imported', async () => {
    const made = await gpg.run(['--passphrase', '', '--quick-gen-key', 'Gpg Publisher <gpg@example.com>', 'ed25519', 'sign', 'never']);
    expect(made.code).toBe(0);
    const pub = await gpg.run(['--export', 'gpg@example.com']);
    const message = provenanceMessage(HASHTEST_YAML, 'hashtest-1.2.3.tgz', sha256Hex(hashtest().tgz));
    const signed = await gpg.run(['--passphrase', '', '--digest-algo', 'SHA512', '--local-user', 'gpg@example.com', '--clearsign'], message);
    expect(signed.code).toBe(0);
    const { publicKeys } = await readKeyFile(pub.stdoutBytes, 'gpg export');
    const outcome = await verifyProvenance({ packageBytes: hashtest().tgz, provenance: signed.stdout, chartName: 'hashtest', chartVersion: '1.2.3', keys: publicKeys });
    expect(outcome).toMatchObject({ status: 'verified', signer: { userId: 'Gpg Publisher <gpg@example.com>' } });
    expect((await verifyProvenance({ packageBytes: hashtest().tgz, provenance: signed.stdout, chartName: 'hashtest', chartVersion: '1.2.3', keys: [] })).status).toBe('unknown-key');
  });

  it('says "expired" for a .prov signed while a gpg key was valid, now that it has expired', async () => {
    const then = ['--faked-system-time', '20200101T000000!'];
    expect((await gpg.run([...then, '--passphrase', '', '--quick-gen-key', 'Old Publisher <old@example.com>', 'ed25519', 'sign', '7d'])).code).toBe(0);
    const message = provenanceMessage(HASHTEST_YAML, 'hashtest-1.2.3.tgz', sha256Hex(hashtest().tgz));
    const signed = await gpg.run([...then, '--passphrase', '', '--local-user', 'old@example.com', '--clearsign'], message);
    expect(signed.code).toBe(0);
    const exported = await gpg.run(['--armor', '--export', 'old@example.com']);
    const { publicKeys } = await readKeyFile(Buffer.from(exported.stdout), 'old.asc');
    const outcome = await verifyProvenance({ packageBytes: hashtest().tgz, provenance: signed.stdout, chartName: 'hashtest', chartVersion: '1.2.3', keys: publicKeys });
    expect(outcome.status).toBe('expired-key');
    expect(outcome.summary).toContain('Old Publisher <old@example.com>');
    expect(outcome.summary).toContain('expired on 2020-01-08');
  });
});

