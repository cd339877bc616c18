/**
 * Narrowing the chart list on real indexes: Bitnami's of March 2023 (108 charts, 7 deprecated, one
 * library) for the deprecated and type filters and the three sorts; Cilium's, with its real package,
 * for "has a README" once a version has been opened. Filters are kept per repo and the counts follow.
 */
import { test, expect } from './fixtures';
import { addRepoViaApi, openChartsTab, screenshots, shared, startStaticRepo, type StaticRepo } from './support/charts-fixtures';

test.use({ viewport: { width: 1440, height: 900 } });

let repo: StaticRepo;
test.beforeEach(async () => {
  repo = await startStaticRepo({
    '/bitnami/index.yaml': shared('index', 'bitnami-2023-03.yaml'),
    '/cilium/index.yaml': shared('index', 'cilium.yaml'),
    '/cilium/cilium-1.16.0.tgz': shared('charts', 'cilium-1.16.0.tgz'),
  });
});
test.afterEach(async () => {
  await repo.close();
});

test('filters and sorting narrow and order the list, with counts, kept per repo', async ({ page, webApp }) => {
  test.setTimeout(90_000);
  await page.goto(webApp.url);
  const bitnami = await addRepoViaApi(page, { name: 'bitnami', url: `${repo.url}/bitnami` });
  const cilium = await addRepoViaApi(page, { name: 'cilium', url: `${repo.url}/cilium` });
  await openChartsTab(page, bitnami);
  const list = page.getByTestId('chart-list');
  const counter = page.getByTestId('chart-list-counter');
  const filters = page.getByTestId('chart-filters');
  await expect(list).toHaveAttribute('data-count', '108');
  await expect(counter).toHaveText('108 charts');

  // Hide deprecated: the count beside it, then the list and the counter follow.
  const hide = filters.getByLabel('Hide deprecated (7)');
  await hide.check();
  await expect(list).toHaveAttribute('data-count', '101');
  await expect(counter).toHaveText('101 of 108 charts');
  await expect(list.locator('.chart-row.deprecated')).toHaveCount(0);

  // Libraries only: Bitnami's common.
  const type = filters.getByLabel('Type');
  await expect(type.locator('option')).toHaveText(['Any', 'Applications (107)', 'Libraries (1)']);
  await type.selectOption('library');
  await expect(list).toHaveAttribute('data-count', '1');
  await expect(list.getByTestId('chart-row')).toHaveAttribute('data-chart', 'common');
  await expect(counter).toHaveText('1 of 108 charts');
  await type.selectOption('any');

  // Sorting: most versions, then latest release, then back to names.
  const sort = filters.getByLabel('Sort');
  await sort.selectOption('versions');
  await expect(list.getByTestId('chart-row').nth(0)).toHaveAttribute('data-chart', 'kong');
  await expect(list.getByTestId('chart-row').nth(1)).toHaveAttribute('data-chart', 'ghost');
  await sort.selectOption('released');
  await expect(list.getByTestId('chart-row').nth(0)).toHaveAttribute('data-chart', 'contour-operator');
  await expect(list.getByTestId('chart-row').nth(1)).toHaveAttribute('data-chart', 'grafana-operator');
  await screenshots(page, 'filters-sorted');

  // Searching keeps the filters: the deprecated matches are counted but not shown.
  await page.getByTestId('chart-search').fill('intel');
  // haproxy-intel, nginx-intel and wordpress-intel are deprecated; jasperreports ("intelligence") is not.
  await expect(counter).toHaveText('4 matches, 1 shown by the filters');
  await expect(list.getByTestId('chart-row')).toHaveAttribute('data-chart', 'jasperreports');
  await expect(list.locator('.chart-row.deprecated')).toHaveCount(0);
  await expect(filters.getByLabel('Sort').locator('option').first()).toHaveText('Best match');
  await page.getByTestId('chart-search').fill('');

  // Another repo has its own filters; coming back finds these as they were.
  await openChartsTab(page, cilium);
  await expect(list).toHaveAttribute('data-count', '2');
  await expect(filters.getByLabel(/^Hide deprecated/)).not.toBeChecked();
  await expect(filters.getByLabel('Sort')).toHaveValue('name');
  await openChartsTab(page, bitnami);
  await expect(filters.getByLabel('Hide deprecated (7)')).toBeChecked();
  await expect(filters.getByLabel('Sort')).toHaveValue('released');
  await expect(list).toHaveAttribute('data-count', '101');
});

test('"has a README" knows a chart once one of its versions was opened', async ({ page, webApp }) => {
  test.setTimeout(90_000);
  await page.goto(webApp.url);
  const cilium = await addRepoViaApi(page, { name: 'cilium', url: `${repo.url}/cilium` });
  await openChartsTab(page, cilium);
  const filters = page.getByTestId('chart-filters');
  const list = page.getByTestId('chart-list');
  await expect(filters.getByLabel('Has a README (0 of 0 known)')).toBeVisible();

  await list.locator('[data-chart="cilium"]').click();
  await page.getByTestId('chart-view').getByRole('button', { name: /^Show all/ }).click();
  await page.getByTestId('chart-view').getByRole('button', { name: 'Open version 1.16.0', exact: true }).click();
  await expect(page.getByTestId('version-view').getByTestId('readme')).toBeVisible({ timeout: 15_000 });
  const readme = filters.getByLabel('Has a README (1 of 1 known)');
  await expect(readme).toBeVisible();
  await readme.check();
  await expect(list).toHaveAttribute('data-count', '1');
  await expect(list.getByTestId('chart-row')).toHaveAttribute('data-chart', 'cilium');
  await expect(page.getByTestId('chart-list-counter')).toHaveText('1 of 2 charts');
});
