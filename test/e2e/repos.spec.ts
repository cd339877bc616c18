import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, startWebApp, stopWebApp } from './fixtures';
import { addRepoViaUi, allowClipboard, readClipboard, shoot } from './support/repo-ui';

const PASSWORD = 'S3CRET-PW-77';

/** A Helm repositories.yaml with two good entries (one with a password) and two Helm-valid ones ChartDesk must skip. */
function writeRepositoriesYaml(dir: string): string {
  const file = path.join(dir, 'repositories.yaml');
  writeFileSync(
    file,
    [
      'apiVersion: ""',
      'generated: "2024-01-01T00:00:00Z"',
      'repositories:',
      '- name: stable',
      '  url: https://charts.example.com/stable',
      '- name: team',
      '  url: http://127.0.0.1:9/team/charts',
      '  username: alice',
      `  password: ${PASSWORD}`,
      '  insecure_skip_tls_verify: true',
      '- name: registry',
      '  url: oci://registry.example.com/charts',
      '- name: ""',
      '  url: https://nameless.example.com',
      '',
    ].join('\n'),
  );
  return file;
}

test('import from Helm reports what it imported and skipped, moves the password out of sight, and reveals it only on request', async ({ page, webApp }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-helm-'));
  try {
    const file = writeRepositoriesYaml(dir);
    await page.goto(webApp.url);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Import repositories from Helm' });
    // Helm's own default (helmpath.ConfigPath), not its cache folder's "repository/".
    await expect(dialog).toContainText('~/.config/helm/repositories.yaml');
    await expect(dialog).not.toContainText('helm/repository/');
    await dialog.getByLabel('repositories.yaml path').fill(file);
    await dialog.getByRole('button', { name: 'Import' }).click();

    const report = dialog.getByTestId('import-report');
    await expect(report).toContainText('2 imported, 2 skipped');
    const imported = report.getByRole('region', { name: 'Imported' });
    await expect(imported.getByRole('listitem')).toHaveCount(2);
    await expect(imported.getByRole('listitem').filter({ hasText: 'team' })).toContainText(/password → (keychain|memory)/);
    await expect(imported.getByRole('listitem').filter({ hasText: 'team' })).toContainText('TLS certificate verification is turned off');
    const skipped = report.getByRole('region', { name: 'Skipped' });
    await expect(skipped).toContainText('registry');
    await expect(skipped).toContainText('OCI registries are not classic chart repositories');
    await expect(skipped).toContainText('The entry has no name');
    await shoot(page, 'import-report');
    await dialog.getByRole('button', { name: 'Done' }).click();

    const list = page.getByRole('list', { name: 'Repository list' });
    await expect(list.getByTestId('repo-item')).toHaveCount(2);
    expect(await page.content()).not.toContain(PASSWORD);

    // The imported secret is stored and comes back only through an explicit Reveal.
    await list.getByRole('button', { name: /^team/ }).click();
    await expect(page.getByText('TLS not verified')).toBeVisible();
    await page.getByRole('tab', { name: 'Connection' }).click();
    const credential = page.getByTestId('credential-panel');
    await expect(credential).toContainText('for user alice');
    await expect(credential.getByTestId('revealed-secret')).not.toContainText(PASSWORD);
    await credential.getByRole('button', { name: 'Reveal secret' }).click();
    await expect(credential.getByTestId('revealed-secret')).toHaveText(PASSWORD);
    await credential.getByRole('button', { name: 'Hide secret' }).click();
    expect(await page.content()).not.toContain(PASSWORD);

    // A second import skips what is already there.
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.getByLabel('repositories.yaml path').fill(file);
    await dialog.getByRole('button', { name: 'Import' }).click();
    await expect(dialog.getByTestId('import-report')).toContainText('0 imported, 4 skipped');
    await expect(dialog.getByTestId('import-report')).toContainText('A repo named “team” is already in ChartDesk');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('repos reorder with Alt+arrow keys and the move buttons, and the order survives a reload', async ({ page, webApp }) => {
  await page.goto(webApp.url);
  for (const name of ['alpha', 'bravo', 'charlie']) await addRepoViaUi(page, { name, url: `https://charts.example.com/${name}` });
  const names = () => page.getByTestId('repo-item').locator('.repo-name').allInnerTexts();
  expect(await names()).toEqual(['alpha', 'bravo', 'charlie']);

  await page.getByRole('button', { name: /^alpha/ }).focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(names).toEqual(['bravo', 'alpha', 'charlie']);
  await expect(page.getByRole('button', { name: /^alpha/ })).toBeFocused();
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(names).toEqual(['bravo', 'charlie', 'alpha']);
  await page.getByRole('button', { name: 'Move bravo down' }).click();
  await expect.poll(names).toEqual(['charlie', 'bravo', 'alpha']);

  await page.reload();
  await expect.poll(names).toEqual(['charlie', 'bravo', 'alpha']);
});

test('the repo list is one Tab stop (the selected repo); arrows move inside it and Tab goes on to the repo itself', async ({ page, webApp }) => {
  await page.goto(webApp.url);
  for (const name of ['alpha', 'bravo', 'charlie']) await addRepoViaUi(page, { name, url: `https://charts.example.com/${name}` });
  await page.getByRole('button', { name: /^bravo/ }).click();
  await page.getByRole('button', { name: '+ Add' }).focus();
  // The All repositories entry sits above the list, then the list is one Tab stop.
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('all-repos-entry')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: /^bravo/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: /^charlie/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'charlie' })).toBeVisible();
  await page.keyboard.press('Tab');
  // Past the list, not into its move buttons (Alt+arrows do that) or the other repos.
  const focused = await page.evaluate(() => document.activeElement?.closest('[data-testid="repo-item"]') === null);
  expect(focused).toBe(true);
});

test('edit keeps the secret hidden, warns about skip-verify, and remove asks first', async ({ page, webApp }) => {
  await page.goto(webApp.url);
  await addRepoViaUi(page, { name: 'basic-repo', url: 'https://charts.example.com/team', mode: 'basic', username: 'bob', secret: 'hunter2-pw' });
  await expect(page.getByText('Basic auth · secret stored')).toBeVisible();

  await page.getByRole('button', { name: 'Edit…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit basic-repo' });
  await expect(dialog.getByLabel('Password', { exact: true })).toHaveValue('');
  await expect(dialog.getByText('A secret is stored.')).toBeVisible();
  await dialog.getByText('TLS and credential forwarding').click();
  await dialog.getByLabel('Skip TLS certificate verification').check();
  await expect(dialog.getByRole('note')).toContainText('impersonate this repo');
  await dialog.getByLabel('Name', { exact: true }).fill('team-charts');
  await dialog.getByLabel('URL').fill('cm://charts.example.com/team');
  await shoot(page, 'edit-dialog');
  await dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: 'team-charts' })).toBeVisible();
  // cm:// is stored as https://.
  await expect(page.getByTestId('repo-workspace')).toContainText('https://charts.example.com/team');
  await expect(page.getByText('TLS not verified')).toBeVisible();
  expect(await page.content()).not.toContain('hunter2-pw');

  await page.getByRole('button', { name: 'Remove…' }).click();
  const confirm = page.getByRole('dialog', { name: 'Remove team-charts?' });
  await expect(confirm).toContainText('deletes its stored secret');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('repo-item')).toHaveCount(1);
  await page.getByRole('button', { name: 'Remove…' }).click();
  await confirm.getByRole('button', { name: 'Remove repository' }).click();
  await expect(page.getByTestId('repos-empty')).toBeVisible();
});

test('export shows helm commands without secrets, each copyable', async ({ page, webApp }) => {
  await allowClipboard(page, webApp.origin);
  await page.goto(webApp.url);
  await addRepoViaUi(page, { name: 'tokened', url: 'https://charts.example.com/org1/repo1', mode: 'token-server', secret: 'EXPORT-KEY-9' });
  await page.getByRole('button', { name: 'Helm commands…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Use tokened with helm' });
  await expect(dialog).toContainText('helm repo add tokened cm://charts.example.com/org1/repo1');
  await expect(dialog).toContainText('HELM_REPO_ACCESS_TOKEN');
  await expect(dialog).not.toContainText('EXPORT-KEY-9');
  await shoot(page, 'export-dialog');
  await dialog.getByRole('button', { name: 'Copy: helm repo add tokened cm://charts.example.com/org1/repo1' }).click();
  await expect.poll(() => readClipboard(page)).toBe('helm repo add tokened cm://charts.example.com/org1/repo1');
  await dialog.getByRole('button', { name: 'Copy all' }).click();
  await expect.poll(() => readClipboard(page)).toContain('helm cm-push');
});

test('the keychain state is shown, and without a keychain a banner says secrets live in memory only', async ({ page, webApp }) => {
  await page.goto(webApp.url);
  const status = page.getByTestId('keychain-status');
  await expect(status).toBeVisible();
  const state = await status.getAttribute('data-state');
  const banner = page.getByTestId('keychain-banner');
  if (state === 'available') {
    // Inside `npm test`'s keyring session: secrets go to the keychain, no warning.
    await expect(banner).toHaveCount(0);
    await expect(status).toContainText('Keychain available');
  } else {
    await expect(banner).toBeVisible();
    await expect(banner).toContainText('secrets live only in memory');
    await expect(banner).toContainText(/install|unlock|Secret Service|keychain/i);
    // Folding keeps the warning; there is no way to dismiss it.
    await banner.getByRole('button', { name: 'Fold' }).click();
    await expect(banner).toContainText('secrets live only in memory');
    await expect(banner.getByRole('button', { name: /close|dismiss/i })).toHaveCount(0);
  }
  await shoot(page, 'welcome');
});

test('in session-only mode neither the welcome screen nor the Add dialog promises the keychain', async ({ page }) => {
  const app = await startWebApp({ CHARTDESK_KEYCHAIN: 'off' });
  try {
    await page.goto(app.url);
    await expect(page.getByTestId('keychain-banner')).toBeVisible();
    const welcome = page.getByRole('region', { name: 'Welcome to ChartDesk' });
    await expect(welcome).toContainText('stays in memory for this session');
    await expect(welcome).not.toContainText('goes to the keychain');
    await welcome.getByRole('button', { name: 'Add a repository' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Authentication').selectOption('token-server');
    await expect(dialog).toContainText('kept in memory for this session only');
    await expect(dialog).not.toContainText('Goes straight to the OS keychain');
  } finally {
    stopWebApp(app);
  }
});

test('a damaged repo list is reported as a notice the user can read and dismiss', async ({ page, webApp }) => {
  writeFileSync(path.join(webApp.home, 'repos.json'), '{"version": 1, "repos": [ this is not json');
  await page.goto(webApp.url);
  const notices = page.getByTestId('notices');
  await expect(notices).toContainText('was damaged');
  await expect(page.getByTestId('repos-empty')).toBeVisible();
  await notices.getByRole('button', { name: 'Dismiss' }).first().click();
  await expect(page.getByTestId('notices')).toHaveCount(0);
});
