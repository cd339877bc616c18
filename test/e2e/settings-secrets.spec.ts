import { readdirSync, readFileSync } from 'node:fs';
import { startSandbox, type RunningSandbox } from '../sandbox/index';
import { test, expect } from './fixtures';
import { startKeyringWebApp, stopKeyringWebApp } from './support/keyring-app';
import { addRepoViaUi, allowClipboard, readClipboard, shoot } from './support/repo-ui';
import { callApi, openSettings } from './support/settings-ui';

const KEY = 'e2e-master-key-5b2f9c71d3';
const PASSPHRASE = 'lantern orchard pebble';
let sandbox: RunningSandbox;
test.beforeEach(async () => {
  sandbox = await startSandbox({ masterKey: KEY });
});
test.afterEach(async () => {
  await sandbox.close();
});

test('Keychain: the session-only switch says what it means, and Forget all secrets names the count and leaves no vault', async ({ page }) => {
  const app = await startKeyringWebApp();
  try {
    await page.goto(app.url);
    await callApi(page, 'addRepo', { name: 'one', url: `${sandbox.repoUrl}/org1/repo1`, auth: { mode: 'token-server', dialect: 'auto' }, secret: KEY });
    await callApi(page, 'addRepo', { name: 'two', url: 'https://charts.example.com/two', auth: { mode: 'bearer', dialect: 'auto' }, secret: 'static-token-value-1234' });
    await openSettings(page, 'Keychain');
    const facts = page.getByTestId('keychain-facts');
    await expect(facts).toContainText('In use');
    await expect(page.getByTestId('secret-count')).toHaveText('2');
    expect(readdirSync(app.home)).toContain('vault.json');

    const sessionOnly = page.getByTestId('setting-session-only');
    await sessionOnly.click({ force: true });
    await expect(facts).toContainText('Session only');
    await expect(page.getByTestId('keychain-banner')).toHaveAttribute('data-state', 'session-only');
    await expect(page.getByText(/Secrets saved before stay in the vault but cannot be used until you turn it off/)).toBeVisible();
    await sessionOnly.click({ force: true });
    await expect(facts).toContainText('In use');
    await expect(page.getByTestId('keychain-banner')).toHaveCount(0);

    await page.getByRole('button', { name: 'Forget all secrets…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Forget 2 secrets?' });
    await expect(dialog).toContainText('ChartDesk will forget 2 secrets and remove the vault key from the keychain.');
    await shoot(page, 'settings-forget-secrets');
    await dialog.getByRole('button', { name: 'Forget 2 secrets' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('toasts')).toContainText('Forgot 2 secrets and removed the vault key from the keychain.');
    await expect(page.getByTestId('secret-count')).toHaveText('0');
    await expect(page.getByRole('button', { name: 'Forget all secrets…' })).toBeDisabled();
    expect(readdirSync(app.home).filter((name) => name.includes('vault'))).toEqual([]);
    const repos = await callApi<Array<{ hasSecret: boolean }>>(page, 'listRepos');
    expect(repos.map((r) => r.hasSecret)).toEqual([false, false]);
  } finally {
    stopKeyringWebApp(app);
  }
});

test('Move to a new machine: export with secrets (passphrase typed twice), import on a fresh app, and the repo connects', async ({ page }) => {
  const old = await startKeyringWebApp();
  const fresh = await startKeyringWebApp();
  try {
    await page.goto(old.url);
    await addRepoViaUi(page, { name: 'sandbox', url: `${sandbox.repoUrl}/org1/repo1`, mode: 'token-server', secret: KEY });
    await openSettings(page, 'Move to a new machine');
    const panel = page.getByTestId('export-panel');
    await panel.getByText('With secrets (encrypted)').click();
    await page.getByTestId('export-passphrase').fill(PASSPHRASE);
    await page.getByTestId('export-passphrase-again').fill(`${PASSPHRASE}x`);
    await shoot(page, 'settings-export');
    await panel.getByRole('button', { name: 'Export all repos…' }).click();
    await expect(panel.getByRole('alert')).toContainText('The two passphrases differ.');
    await page.getByTestId('export-passphrase-again').fill(PASSPHRASE);
    const downloading = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Export all repos…' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^chartdesk-repos-\d{4}-\d{2}-\d{2}-encrypted\.json$/);
    const file = await download.path();
    const content = readFileSync(file, 'utf8');
    for (const form of [KEY, Buffer.from(KEY).toString('base64'), 'org1/repo1', PASSPHRASE]) expect(content).not.toContain(form);
    await expect(panel.getByRole('status')).toContainText('1 repo and the settings (1 secret, encrypted with your passphrase)');
    await expect(page.getByTestId('export-passphrase')).toHaveValue('');

    await page.goto(fresh.url);
    await openSettings(page, 'Move to a new machine');
    await page.getByRole('button', { name: 'Import from a file…' }).click();
    const dialog = page.getByTestId('import-all-dialog');
    await dialog.getByTestId('import-file').setInputFiles(file);
    await dialog.getByTestId('import-passphrase').fill('not the passphrase');
    await dialog.getByRole('button', { name: 'Unlock' }).click();
    await expect(dialog.getByRole('alert')).toContainText('That passphrase does not unlock this file.');
    await dialog.getByTestId('import-passphrase').fill(PASSPHRASE);
    await dialog.getByRole('button', { name: 'Unlock' }).click();
    const item = dialog.getByTestId('import-item');
    await expect(item).toHaveCount(1);
    await expect(item).toHaveAttribute('data-action', 'add');
    await expect(item).toContainText('with secret');
    await shoot(page, 'settings-import-plan');
    await dialog.getByRole('button', { name: 'Import 1 repo' }).click();
    await expect(dialog.getByTestId('import-all-report')).toContainText('1 added, 0 replaced, 0 skipped; 1 secret stored in the keychain-backed vault');
    await dialog.getByRole('button', { name: 'Done' }).click();

    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Repositories' }).click();
    await page.getByText('sandbox', { exact: true }).first().click();
    await page.getByRole('tab', { name: 'Connection' }).click();
    await page.getByRole('button', { name: 'Connect', exact: true }).click();
    await expect(page.getByTestId('flow-outcome')).toHaveAttribute('data-ok', 'true');
    expect(await page.content()).not.toContain(KEY);
  } finally {
    stopKeyringWebApp(old);
    stopKeyringWebApp(fresh);
  }
});

test('About → Copy diagnostics copies a report without the secret or the token', async ({ page, webApp }) => {
  await allowClipboard(page, webApp.origin);
  await page.goto(webApp.url);
  await addRepoViaUi(page, { name: 'sandbox', url: `${sandbox.repoUrl}/org1/repo1`, mode: 'token-server', secret: KEY, username: 'diag-user' });
  const { id } = (await callApi<Array<{ id: string }>>(page, 'listRepos'))[0] as { id: string };
  const { token } = await callApi<{ token: string }>(page, 'revealToken', { repoId: id, scope: 'pull' });
  await openSettings(page, 'About');
  await page.getByTestId('copy-diagnostics').click();
  await expect(page.getByTestId('copy-diagnostics')).toHaveAttribute('data-state', 'copied');
  const report = await readClipboard(page);
  expect(report).toMatch(/^ChartDesk diagnostics/);
  expect(report).toContain(`${sandbox.repoUrl}/org1/repo1 · token-server`);
  expect(report).toContain('Runtime: browser mode on Node');
  for (const value of [KEY, token, token.split('.')[1] ?? token, 'diag-user']) expect(report).not.toContain(value);
});
