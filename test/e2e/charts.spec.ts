import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import semver from 'semver';
import { test, expect } from './fixtures';
import { addRepoViaApi, openChartsTab, screenshots, shared, startStaticRepo, type StaticRepo } from './support/charts-fixtures';

test.use({ viewport: { width: 1440, height: 900 } });

/** The Bitnami index of March 2023 (4 MB), read independently of ChartDesk's parser as the oracle. */
const BITNAMI = shared('index', 'bitnami-2023-03.yaml');
const oracle = yaml.load(readFileSync(BITNAMI, 'utf8')) as { entries: Record<string, Array<{ version: string }>> };
const chartNames = Object.keys(oracle.entries).sort();

let repo: StaticRepo;
test.beforeEach(async () => {
  repo = await startStaticRepo({ '/bitnami/index.yaml': BITNAMI });
});
test.afterEach(async () => {
  await repo.close();
});

test('a 4 MB index opens with its chart count, scrolls virtualized, and search puts redis first', async ({ page, webApp }) => {
  await page.goto(webApp.url);
  const repoId = await addRepoViaApi(page, { name: 'Bitnami 2023', url: `${repo.url}/bitnami` });
  await openChartsTab(page, repoId);

  const list = page.getByTestId('chart-list');
  await expect(page.getByTestId('index-chart-count')).toHaveText(`${chartNames.length} charts`);
  await expect(list).toHaveAttribute('data-count', String(chartNames.length));
  await expect(list.getByTestId('chart-row').first()).toHaveAttribute('data-chart', chartNames[0]!);
  // Only the visible rows exist in the page.
  expect(await list.getByTestId('chart-row').count()).toBeLessThan(40);
  await screenshots(page, 'list');

  await list.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await expect(list.locator(`[data-chart="${chartNames[chartNames.length - 1]}"]`)).toBeVisible();

  await page.keyboard.press('Control+k');
  await expect(page.getByTestId('chart-search')).toBeFocused();
  await page.keyboard.type('redis');
  await expect(list.getByTestId('chart-row').first()).toHaveAttribute('data-chart', 'redis');
  await expect(list.locator('[data-chart="redis-cluster"]')).toBeVisible();
  await expect(page.getByTestId('chart-list-counter')).toContainText('match');
  await screenshots(page, 'search');

  // Arrow down to the second hit, Enter opens it.
  const second = await list.getByTestId('chart-row').nth(1).getAttribute('data-chart');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('chart-view').getByRole('heading', { level: 2 })).toContainText(second!);
});

test('a static repo is read-only: no Push chart…, no drop-to-push, no Delete buttons', async ({ page, webApp }) => {
  await page.goto(webApp.url);
  const repoId = await addRepoViaApi(page, { name: 'Bitnami 2023', url: `${repo.url}/bitnami` });
  await openChartsTab(page, repoId);
  await expect(page.getByTestId('index-chart-count')).toHaveText(`${chartNames.length} charts`);
  await expect(page.getByTestId('index-read-only')).toHaveText('Static repo: read-only');
  await expect(page.getByTestId('push-button')).toHaveCount(0);
  await expect(page.getByTestId('push-file-input')).toHaveCount(0);
  await expect(page.getByTestId('chart-placeholder')).toBeVisible();
  await expect(page.getByTestId('chart-placeholder')).not.toContainText('Drop a .tgz');

  await page.getByTestId('chart-search').fill('redis');
  await page.getByTestId('chart-list').locator('[data-chart="redis"]').click();
  const rows = page.getByTestId('chart-view').getByTestId('version-row');
  await expect(rows.first()).toBeVisible();
  await rows.first().hover();
  await expect(page.getByTestId('version-delete')).toHaveCount(0);

  // Dragging a file over the list shows no drop target.
  const zone = page.getByTestId('push-drop-zone');
  const dataTransfer = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array([0x1f, 0x8b])], 'x-1.0.0.tgz', { type: 'application/gzip' }));
    return transfer;
  });
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await expect(zone).not.toHaveClass(/\bover\b/);
  await expect(page.getByText('Drop to push')).toHaveCount(0);
});

test('a chart lists its versions in Helm order with dates, digests and the helm install commands', async ({ page, webApp }) => {
  await page.goto(webApp.url);
  const repoId = await addRepoViaApi(page, { name: 'Bitnami 2023', url: `${repo.url}/bitnami` });
  await openChartsTab(page, repoId);
  await page.getByTestId('chart-search').fill('redis');
  await page.getByTestId('chart-list').locator('[data-chart="redis"]').click();

  const view = page.getByTestId('chart-view');
  const expected = semver.rsort(oracle.entries.redis!.map((v) => v.version));
  const rows = view.getByTestId('version-row');
  await expect(rows.first()).toHaveAttribute('data-version', expected[0]!);
  const shown = await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-version')));
  expect(shown).toEqual(expected.slice(0, shown.length));
  await screenshots(page, 'chart');
  // The first 60 come at once; the header and the button count every version, and Show all lists each one.
  await expect(rows).toHaveCount(60);
  await expect(view.locator('.chart-head-facts')).toContainText(`${expected.length} versions`);
  const showAll = view.getByRole('button', { name: /Show all \d+ versions/ });
  await expect(showAll).toBeVisible();
  const announced = Number(/\d+/.exec((await showAll.textContent()) ?? '')?.[0]);
  expect(announced).toBe(expected.length);
  await showAll.click();
  await expect(rows).toHaveCount(announced);
  expect(await rows.evaluateAll((els) => els.map((el) => el.getAttribute('data-version')))).toEqual(expected);
  await expect(view.getByRole('button', { name: /^(Show|Loading) all/ })).toHaveCount(0);

  await expect(rows.first().locator('code')).toHaveText(/^[0-9a-f]{12}$/);
  await expect(page.getByTestId('install-commands')).toContainText(`helm repo add bitnami-2023 ${repo.url}/bitnami`);
  await expect(page.getByTestId('install-commands')).toContainText(`helm install redis bitnami-2023/redis --version ${expected[0]}`);
  // https links only, opened outside the app.
  const links = view.getByTestId('chart-links').getByRole('link');
  await expect(links.first()).toHaveAttribute('href', /^https:\/\//);
  await expect(links.first()).toHaveAttribute('rel', 'noopener noreferrer');
  await expect(view.getByTestId('chart-maintainers')).toBeVisible();
});
