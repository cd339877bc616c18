import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importHelmRepositories } from '../../../electron/core/helm/import-repos';
import { createSecretVault } from '../../../electron/core/secrets/vault';
import { createNoticeBoard } from '../../../electron/core/store/notices';
import { createRepoService, type RepoService } from '../../../electron/core/store/repo-service';
import { createRepoStore } from '../../../electron/core/store/repo-store';
import { openTestKeychain, type TestKeychain } from '../secrets/os-keychain';

let kc: TestKeychain;
let dir: string;
let dataDir: string;
let repos: RepoService;

beforeAll(async () => {
  kc = await openTestKeychain();
});
afterAll(async () => kc?.cleanup());
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-helm-'));
  dataDir = path.join(dir, 'data');
  const notices = createNoticeBoard();
  const notify = (level: 'info' | 'warning', message: string) => notices.add(level, message);
  repos = createRepoService({
    store: createRepoStore({ dataDir, notify }),
    vault: createSecretVault({ dataDir, keychain: kc.keychain, allowSessionOnly: false, notify }),
    notices,
  });
  return () => rmSync(dir, { recursive: true, force: true });
});

/** A repositories.yaml as Helm writes it (sigs.k8s.io/yaml: every field, keys sorted, "" for unset). */
function helmFile(ca: string, cert: string, key: string): string {
  return `apiVersion: ""
generated: "2024-03-01T10:00:00.123456789Z"
repositories:
- caFile: ${ca}
  certFile: ${cert}
  insecure_skip_tls_verify: true
  keyFile: ${key}
  name: secure
  pass_credentials_all: true
  password: 'pa:ss "wörd"'
  url: https://charts.example.com/secure/
  username: alice
- caFile: ""
  certFile: ""
  insecure_skip_tls_verify: false
  keyFile: ""
  name: public
  pass_credentials_all: false
  password: ""
  url: https://charts.example.com/public
  username: ""
- caFile: /nowhere/ca.pem
  certFile: ""
  insecure_skip_tls_verify: false
  keyFile: ""
  name: user-only
  pass_credentials_all: false
  password: ""
  url: http://localhost:8080/team
  username: bob
- name: pushed
  url: cm://charts.example.com/org/repo
- name: stray-password
  url: https://charts.example.com/stray
  password: orphan-password
- name: ftp
  url: ftp://charts.example.com
- name: registry
  url: oci://registry.example.com/charts
- name: ""
  url: https://charts.example.com/nameless
- name: already-here
  url: https://charts.example.com/dup
`;
}

describe('import of Helm’s repositories.yaml', () => {
  it('imports every field Helm writes, moves passwords into the vault and reports each entry', async () => {
    const tls = ['ca.pem', 'client.pem', 'client-key.pem'].map((name) => path.join(dir, name));
    for (const file of tls) writeFileSync(file, '-----BEGIN CERTIFICATE-----\n');
    const file = path.join(dir, 'repositories.yaml');
    writeFileSync(file, helmFile(tls[0] as string, tls[1] as string, tls[2] as string));
    await repos.add({ name: 'already-here', url: 'https://elsewhere.example.com', auth: { mode: 'none', dialect: 'auto' }, tls: { insecureSkipVerify: false }, passCredentialsAll: false });

    const report = await importHelmRepositories({ repos }, file);

    expect(report.path).toBe(file);
    expect(report.keychain.state).toBe('available');
    expect(report.imported.map((i) => [i.name, i.passwordMoved])).toEqual([['secure', true], ['public', false], ['user-only', false], ['pushed', false], ['stray-password', false]]);
    expect(report.imported.find((i) => i.name === 'secure')?.warnings).toEqual(['TLS certificate verification is turned off for this repo, as in Helm.']);
    expect(report.imported.find((i) => i.name === 'user-only')?.warnings).toEqual(['caFile /nowhere/ca.pem does not exist; it is kept as a reference.']);
    expect(report.imported.find((i) => i.name === 'pushed')?.warnings).toEqual(['The cm:// URL is stored as https://charts.example.com/org/repo.']);
    expect(report.imported.find((i) => i.name === 'stray-password')?.warnings[0]).toMatch(/password but no user name/);
    expect(report.skipped).toEqual([
      { name: 'ftp', reason: expect.stringMatching(/must start with http/) },
      { name: 'registry', reason: 'OCI registries are not classic chart repositories.' },
      { name: '(no name)', reason: 'The entry has no name.' },
      { name: 'already-here', reason: 'A repo named “already-here” is already in ChartDesk.' },
    ]);

    const secure = await repos.byName('secure');
    expect(secure).toMatchObject({
      url: 'https://charts.example.com/secure',
      auth: { mode: 'basic', username: 'alice' },
      tls: { caFile: tls[0], certFile: tls[1], keyFile: tls[2], insecureSkipVerify: true },
      passCredentialsAll: true,
      hasSecret: true,
    });
    expect(await repos.credentials(secure.id)).toEqual({ secret: 'pa:ss "wörd"', username: 'alice' });
    expect(await repos.byName('public')).toMatchObject({ auth: { mode: 'none' }, tls: { insecureSkipVerify: false }, passCredentialsAll: false, hasSecret: false });
    expect(await repos.byName('user-only')).toMatchObject({ auth: { mode: 'basic', username: 'bob' }, hasSecret: false });
    expect((await repos.byName('stray-password')).hasSecret).toBe(false);

    // The TLS files are referenced, not copied, and no password is in ChartDesk's files.
    for (const name of readdirSync(dataDir)) {
      const text = readFileSync(path.join(dataDir, name), 'utf8');
      expect(text).not.toContain('wörd');
      expect(text).not.toContain('orphan-password');
      expect(text).not.toContain('BEGIN CERTIFICATE');
    }
  });

  it('says plainly when the file is missing or is not a Helm repositories file', async () => {
    await expect(importHelmRepositories({ repos }, path.join(dir, 'none.yaml'))).rejects.toMatchObject({ kind: 'not-found', message: expect.stringMatching(/no Helm repositories file/) });
    const bad = path.join(dir, 'bad.yaml');
    writeFileSync(bad, 'repositories: {a: 1}\n');
    await expect(importHelmRepositories({ repos }, bad)).rejects.toMatchObject({ kind: 'bad-request' });
    writeFileSync(bad, 'repositories: [\n');
    await expect(importHelmRepositories({ repos }, bad)).rejects.toMatchObject({ kind: 'bad-request', message: expect.stringMatching(/not valid YAML/) });
  });

  it('imports nothing for the CLI when passwords could not be kept', async () => {
    const notices = createNoticeBoard();
    const notify = (level: 'info' | 'warning', message: string) => notices.add(level, message);
    const noKeychain = createRepoService({
      store: createRepoStore({ dataDir, notify }),
      vault: createSecretVault({ dataDir, keychain: undefined, allowSessionOnly: false, notify }),
      notices,
    });
    const file = path.join(dir, 'repositories.yaml');
    writeFileSync(file, 'repositories:\n- name: a\n  url: https://a.example.com\n  username: u\n  password: p\n');
    await expect(importHelmRepositories({ repos: noKeychain, requireKeychainForPasswords: true }, file)).rejects.toMatchObject({ kind: 'keychain', message: expect.stringMatching(/Nothing was imported/) });
    expect(await noKeychain.list()).toEqual([]);
  });
});
