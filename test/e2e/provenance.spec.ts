import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSandbox, type RunningSandbox } from '../sandbox/index';
import { chartYaml, tgzOf } from '../unit/charts/tar-builder';
import { test, expect } from './fixtures';
import { openSettings } from './support/settings-ui';
import { addRepoViaApi, openChartsTab, screenshots, shared, startStaticRepo, type StaticRepo } from './support/charts-fixtures';

test.use({ viewport: { width: 1440, height: 900 } });

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const entry = (name: string, version: string, file: string) => `  ${name}:\n  - name: ${name}\n    version: ${version}\n    apiVersion: v1\n    digest: ${sha(file)}\n    urls:\n    - ${path.basename(file).replace(/^helm-td-/, '')}\n`;

test.describe('the provenance badge', () => {
  let repo: StaticRepo;
  test.beforeEach(async () => {
    const signtest = shared('charts', 'helm-td-signtest-0.1.0.tgz');
    const loki = shared('charts', 'loki-2.0.1.tgz');
    const grafana = shared('charts', 'grafana-5.3.1.tgz');
    const index = `apiVersion: v1\nentries:\n${entry('signtest', '0.1.0', signtest)}${entry('loki', '2.0.1', loki)}${entry('grafana', '5.3.1', grafana)}`;
    repo = await startStaticRepo({
      '/index.yaml': Buffer.from(index),
      '/signtest-0.1.0.tgz': signtest,
      '/signtest-0.1.0.tgz.prov': shared('charts', 'helm-td-signtest-0.1.0.tgz.prov'),
      '/loki-2.0.1.tgz': loki,
      '/loki-2.0.1.tgz.prov': shared('charts', 'loki-2.0.1.tgz.prov'),
      '/grafana-5.3.1.tgz': grafana,
    });
  });
  test.afterEach(async () => repo.close());

  test('says who signed a version, in words, once the signer’s key is imported; unknown keys and unsigned charts say so', async ({ page, webApp }) => {
    await page.goto(webApp.url);
    const repoId = await addRepoViaApi(page, { name: 'Signed charts', url: repo.url });
    await openChartsTab(page, repoId);
    const list = page.getByTestId('chart-list');
    const open = async (chart: string, version: string) => {
      await list.locator(`[data-chart="${chart}"]`).click();
      await page.getByTestId('chart-view').getByRole('button', { name: `Open version ${version}`, exact: true }).click();
      await expect(page.getByTestId('digest-status')).toHaveAttribute('data-verified', 'true');
    };

    await open('signtest', '0.1.0');
    const badge = page.getByTestId('provenance-status');
    await expect(badge).toHaveAttribute('data-status', 'unknown-key');
    await expect(badge.getByTestId('provenance-title')).toHaveText('Signed by an unknown key');
    await expect(badge).toContainText('signtest 0.1.0 is signed by a key that is not in your keyring: 843BBF981FC18762.');

    // Import Helm's test key from the badge's Keyring… button; closing the keyring checks again.
    await badge.getByTestId('provenance-keyring').click();
    const keyring = page.getByTestId('keyring-dialog');
    await keyring.getByTestId('import-keys-input').setInputFiles(shared('provenance', 'helm-td-helm-test-key.pub'));
    await expect(keyring.getByTestId('public-keys').getByTestId('key-row')).toHaveAttribute('data-fingerprint', '5E615389B53CA37F0EE60BD3843BBF981FC18762');
    await expect(keyring.getByTestId('public-keys')).toContainText('RSA 2048 · Created 2016-07-25 · No expiry');
    await screenshots(page, 'keyring');
    await keyring.getByRole('button', { name: 'Close', exact: true }).last().click();
    await expect(badge).toHaveAttribute('data-status', 'verified');
    await expect(badge.getByTestId('provenance-title')).toHaveText('Signed and verified');
    await expect(badge.getByTestId('provenance-summary')).toHaveText(
      'Signed by Helm Testing (This key should only be used for testing. DO NOT TRUST.) <helm-testing@helm.sh> (fingerprint 5E61 5389 B53C A37F 0EE6  0BD3 843B BF98 1FC1 8762); the package is exactly what they signed.',
    );
    await screenshots(page, 'provenance-verified');
    await badge.getByTestId('provenance-pin').click();
    await expect(badge).toContainText('pinned for this repo');

    await page.getByTestId('back-to-chart').click();
    await open('loki', '2.0.1');
    await expect(badge).toHaveAttribute('data-status', 'unknown-key');
    await expect(badge).toContainText('7054A9559D3CFB0B');
    await page.getByTestId('back-to-chart').click();
    await open('grafana', '5.3.1');
    await expect(badge).toHaveAttribute('data-status', 'no-provenance');
    await expect(badge.getByTestId('provenance-title')).toHaveText('Not signed');
  });
});

test.describe('signing a push', () => {
  let sandbox: RunningSandbox;
  let folder: string;
  test.beforeEach(async () => {
    sandbox = await startSandbox({ auth: 'bearer' });
    folder = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-sign-'));
    writeFileSync(path.join(folder, 'signme-1.0.0.tgz'), tgzOf([{ name: 'signme/Chart.yaml', data: chartYaml('signme', '1.0.0') }, { name: 'signme/values.yaml', data: 'replicas: 1\n' }]));
  });
  test.afterEach(async () => {
    await sandbox.close();
    rmSync(folder, { recursive: true, force: true });
  });

  test('Sign with… asks for the passphrase, refuses a wrong one, pushes chart + .prov that then verifies', async ({ page, webApp }) => {
    await page.goto(webApp.url);
    const repoId = await addRepoViaApi(page, {
      name: 'Sandbox org1',
      url: `${sandbox.repoUrl}/org1/repo1`,
      auth: { mode: 'token-server', dialect: 'A', approvedRealmOrigin: new URL(sandbox.tokenUrl).origin },
      secret: 'MASTERKEY',
    });
    // Import the passphrase-protected signing key in Settings → OpenPGP keys.
    await openSettings(page, 'OpenPGP keys');
    const keyring = page.getByTestId('keyring-panel');
    await keyring.getByTestId('import-signing-key-input').setInputFiles(shared('provenance', 'helm-td-helm-password-key.secret'));
    const signing = keyring.getByTestId('signing-keys');
    await expect(signing).toContainText('password key (fake) <fake@helm.sh>');
    await expect(signing).toContainText('passphrase asked when signing');
    await expect(keyring.getByTestId('public-keys')).toContainText('password key (fake)');
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Repositories' }).click();
    await openChartsTab(page, repoId);
    await page.getByTestId('push-file-input').setInputFiles(path.join(folder, 'signme-1.0.0.tgz'));
    const dialog = page.getByTestId('push-sign-dialog');
    await expect(dialog.getByRole('heading', { name: 'Push signme-1.0.0.tgz' })).toBeVisible();
    await expect(dialog.getByTestId('push-sign-key')).toHaveValue('E18D0BE258CB62933597C3527A891631B10DA2B1');
    await dialog.getByTestId('push-sign-passphrase').fill('password');
    await dialog.getByTestId('push-sign-go').click();
    await expect(dialog).toContainText('The passphrase for password key (fake) <fake@helm.sh> is not correct.');
    await expect(dialog.getByTestId('push-sign-passphrase')).toHaveValue('');
    await screenshots(page, 'push-sign-wrong-passphrase');
    await dialog.getByTestId('push-sign-passphrase').fill('secret');
    await dialog.getByTestId('push-sign-go').click();
    await expect(page.getByTestId('toasts')).toContainText('Pushed signme 1.0.0, signed by password key (fake) <fake@helm.sh>.');
    await expect(dialog).toBeHidden();

    await page.getByTestId('chart-list').locator('[data-chart="signme"]').click();
    await page.getByTestId('chart-view').getByRole('button', { name: 'Open version 1.0.0', exact: true }).click();
    const badge = page.getByTestId('provenance-status');
    await expect(badge).toHaveAttribute('data-status', 'verified');
    await expect(badge).toContainText('Signed by password key (fake) <fake@helm.sh> (fingerprint E18D 0BE2 58CB 6293 3597  C352 7A89 1631 B10D A2B1)');
    const stored = readFileSync(path.join(sandbox.storageDir, 'org1', 'repo1', 'signme-1.0.0.tgz.prov'), 'utf8');
    expect(stored).toMatch(/^-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\napiVersion: v2\ndescription: A test chart\nname: signme\nversion: 1.0.0\n\n\.\.\.\nfiles:\n {2}signme-1.0.0.tgz: sha256:[0-9a-f]{64}\n-----BEGIN PGP SIGNATURE-----\n/);
  });
});
