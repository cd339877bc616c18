/**
 * Searching every repo at once, as a user does it: three repos (two static repos serving real
 * indexes, one OCI registry), one of them opened yesterday and offline today (its server stopped,
 * ChartDesk started again on the same data folder). The palette (Ctrl+Shift+K) and the sidebar's
 * All repositories entry group the hits by repo, mark the offline copy, open the repos not open yet,
 * and Enter opens the chart in its repo.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startSandbox, type RunningSandbox } from '../sandbox/index';
import { test, expect, startWebApp, stopWebApp, type WebApp } from './fixtures';
import { addRepoViaApi, openChartsTab, screenshots, shared, startStaticRepo, type StaticRepo } from './support/charts-fixtures';

test.use({ viewport: { width: 1440, height: 960 } });

let home: string;
let sandbox: RunningSandbox;
let grafana: StaticRepo;
let incubator: StaticRepo;
const apps: WebApp[] = [];

test.beforeEach(async () => {
  home = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-e2e-search-'));
  sandbox = await startSandbox({ oci: true });
  grafana = await startStaticRepo({ '/index.yaml': readFileSync(shared('index', 'grafana.yaml')) });
  incubator = await startStaticRepo({ '/index.yaml': readFileSync(shared('index', 'helm-incubator.yaml')) });
});
test.afterEach(async () => {
  for (const app of apps.splice(0)) stopWebApp(app);
  await Promise.all([grafana.close(), incubator.close(), sandbox.close()]);
  rmSync(home, { recursive: true, force: true });
});

test('one search over three repos, one of them offline: grouped, marked, and Enter opens the chart in its repo', async ({ page }) => {
  test.setTimeout(120_000);
  // Yesterday: three repos; only grafana's charts were looked at, which kept an offline copy.
  const first = await startWebApp({ CHARTDESK_HOME: home });
  apps.push(first);
  await page.goto(first.url);
  const grafanaId = await addRepoViaApi(page, { name: 'grafana', url: grafana.url });
  await addRepoViaApi(page, { name: 'incubator', url: incubator.url });
  await addRepoViaApi(page, { name: 'registry', url: `oci://localhost:${new URL(sandbox.registryUrl as string).port}/charts` });
  await openChartsTab(page, grafanaId);
  await expect(page.getByTestId('chart-list')).toHaveAttribute('data-count', '41');
  stopWebApp(apps.pop() as WebApp);

  // Today: grafana's server is gone; ChartDesk starts again on the same data folder.
  await grafana.close();
  const second = await startWebApp({ CHARTDESK_HOME: home });
  apps.push(second);
  await page.goto(second.url);
  await expect(page.getByTestId('repo-item')).toHaveCount(3);

  await page.keyboard.press('Control+Shift+K');
  const palette = page.getByRole('dialog', { name: 'Search every repository' });
  await expect(palette).toBeVisible();
  await expect(palette.getByRole('combobox', { name: 'Search every repository' })).toBeFocused();
  await page.keyboard.type('grafana');
  const groups = palette.getByTestId('search-group');
  await expect(groups).toHaveCount(3, { timeout: 20_000 });
  await expect(palette.getByTestId('search-opening')).toHaveCount(0, { timeout: 20_000 });
  await expect(palette.getByTestId('search-status')).toHaveText(/matches in 3 of 3 repositories searched/);

  const offline = palette.locator('[data-testid="search-group"][data-repo="grafana"]');
  await expect(offline).toHaveAttribute('data-from', 'offline');
  await expect(offline.getByTestId('search-group-offline')).toContainText('offline copy from');
  await expect(offline.getByTestId('search-hit').first()).toHaveAttribute('data-chart', 'grafana');
  for (const repo of ['incubator', 'registry']) {
    const group = palette.locator(`[data-testid="search-group"][data-repo="${repo}"]`);
    await expect(group).toHaveAttribute('data-from', 'open');
    await expect(group.getByTestId('search-group-offline')).toHaveCount(0);
    await expect(group.getByTestId('search-hit').first()).toHaveAttribute('data-chart', 'grafana');
  }
  await screenshots(page, 'search-all-palette');

  // Arrow keys walk the hits across groups; Enter opens the chart in its repo.
  const hits = palette.getByTestId('search-hit');
  const registryFirst = await hits.evaluateAll((rows) => rows.findIndex((row) => row.closest('[data-repo]')?.getAttribute('data-repo') === 'registry'));
  expect(registryFirst).toBeGreaterThan(0);
  for (let i = 0; i < registryFirst; i++) await page.keyboard.press('ArrowDown');
  await expect(hits.nth(registryFirst)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: 'registry' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Charts' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('chart-view').getByRole('heading', { level: 2 })).toContainText('grafana');
  await expect(page.getByTestId('chart-view').getByTestId('version-row').first()).toHaveAttribute('data-version', '5.3.1');

  // The sidebar's All repositories entry: the same search as a view; a click opens the offline repo's chart.
  await page.getByTestId('all-repos-entry').click();
  const view = page.getByTestId('all-repos-view');
  await view.getByRole('combobox', { name: 'Search every repository' }).fill('loki');
  await expect(view.getByTestId('search-group')).toHaveCount(1);
  await expect(view.getByTestId('search-group')).toHaveAttribute('data-repo', 'grafana');
  await expect(view.getByTestId('search-group')).toHaveAttribute('data-from', 'offline');
  await view.locator('[data-testid="search-hit"][data-chart="loki-stack"]').click();
  await expect(page.getByRole('heading', { level: 2, name: 'grafana' })).toBeVisible();
  await expect(page.getByTestId('index-offline')).toBeVisible();
  await expect(page.getByTestId('chart-view').getByRole('heading', { level: 2 })).toContainText('loki-stack');
  await expect(page.getByTestId('chart-list').locator('[data-chart="loki-stack"]')).toHaveAttribute('aria-selected', 'true');
});
