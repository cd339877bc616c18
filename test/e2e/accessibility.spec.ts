/**
 * The axe-core rules on the main screens, in the light and the dark theme: the welcome screen, the
 * add dialog with a detected token server, charts with a version open, the connect trace, the token
 * view, an OCI chart's manifest, a large list with its filters, the search palette and the All
 * repositories view, Settings and the JWT inspector. No violation is allowed.
 */
import { readFileSync } from 'node:fs';
import { startSandbox, type RunningSandbox } from '../sandbox/index';
import { test, expect } from './fixtures';
import { expectAccessible } from './support/axe';
import { addRepoViaApi, openChartsTab, shared, startStaticRepo, type StaticRepo } from './support/charts-fixtures';

// axe is injected as a script, which the app's Content-Security-Policy rightly forbids.
test.use({ viewport: { width: 1440, height: 960 }, bypassCSP: true });

let sandbox: RunningSandbox;
let statik: StaticRepo;
test.beforeEach(async () => {
  sandbox = await startSandbox({ oci: true });
  statik = await startStaticRepo({ '/index.yaml': readFileSync(shared('index', 'grafana.yaml')) });
});
test.afterEach(async () => {
  await statik.close();
  await sandbox.close();
});

test('the main screens pass the axe rules in both themes', async ({ page, webApp }) => {
  test.setTimeout(180_000);
  await page.goto(webApp.url);
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await expectAccessible(page, 'the welcome screen');

  // The add dialog with a detected token server.
  await page.getByRole('button', { name: '+ Add' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a repository' });
  await dialog.getByLabel('URL').fill(`${sandbox.repoUrl}/org1/repo1`);
  await expect(dialog.getByTestId('url-detection')).toHaveAttribute('data-outcome', 'token-server');
  await dialog.locator('.detect-requests summary').click();
  await expectAccessible(page, 'the add dialog with a detected token server');
  await dialog.getByLabel('Name', { exact: true }).fill('museum');
  await dialog.getByLabel('API key or password', { exact: true }).fill('MASTERKEY');
  await dialog.getByRole('button', { name: 'Add repository' }).click();
  await expect(dialog).toBeHidden();

  // Charts with a version open.
  await page.getByTestId('chart-list').locator('[data-chart="mychart"]').click();
  await page.getByTestId('chart-view').getByRole('button', { name: 'Open version 0.1.0', exact: true }).click();
  await expect(page.getByTestId('digest-status')).toHaveAttribute('data-verified', 'true');
  await expectAccessible(page, 'charts with a version open');

  // The connect trace and the token view.
  await page.getByRole('tab', { name: 'Connection' }).click();
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByTestId('flow-outcome')).toHaveAttribute('data-ok', 'true');
  for (const details of await page.locator('.trace-details summary').all()) await details.click();
  await expectAccessible(page, 'the connect trace');
  await page.getByRole('tab', { name: 'Token' }).click();
  await expect(page.getByTestId('access-table')).toBeVisible();
  await expectAccessible(page, 'the token view');

  // An OCI chart's manifest.
  const registry = await addRepoViaApi(page, { name: 'registry', url: `oci://localhost:${new URL(sandbox.registryUrl as string).port}/charts` });
  await openChartsTab(page, registry);
  await page.getByTestId('chart-list').locator('[data-chart="grafana"]').click();
  await page.getByTestId('chart-view').getByRole('button', { name: 'Open version 5.3.1', exact: true }).click();
  await page.getByRole('tab', { name: 'Manifest' }).click();
  await expect(page.getByTestId('manifest-panel').getByTestId('manifest-layers')).toBeVisible();
  await expectAccessible(page, 'the manifest of an OCI chart');

  // A large real index, filtered.
  const grafana = await addRepoViaApi(page, { name: 'grafana', url: statik.url });
  await openChartsTab(page, grafana);
  await expect(page.getByTestId('chart-list')).toHaveAttribute('data-count', '41');
  await page.getByTestId('chart-filters').getByLabel(/^Hide deprecated/).check();
  await page.getByTestId('chart-search').fill('loki');
  await expect(page.getByTestId('chart-list-counter')).toContainText('match');
  await expectAccessible(page, 'a filtered chart list');

  // The search over every repo: palette and view.
  await page.keyboard.press('Control+Shift+K');
  const palette = page.getByRole('dialog', { name: 'Search every repository' });
  await page.keyboard.type('grafana');
  await expect(palette.getByTestId('search-group')).toHaveCount(2);
  await page.keyboard.press('ArrowDown');
  await expectAccessible(page, 'the search palette');
  await page.keyboard.press('Escape');
  await expect(palette.getByRole('combobox')).toHaveValue('');
  await page.keyboard.press('Escape');
  await expect(palette).toBeHidden();
  await page.getByTestId('all-repos-entry').click();
  await page.getByTestId('all-repos-view').getByRole('combobox').fill('loki');
  await expect(page.getByTestId('all-repos-view').getByTestId('search-group')).toHaveCount(1);
  await expectAccessible(page, 'the All repositories view');

  // Settings and the JWT inspector.
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByTestId('settings-view')).toBeVisible();
  await expectAccessible(page, 'Settings');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Inspect a JWT' }).click();
  await expectAccessible(page, 'the JWT inspector');
});
