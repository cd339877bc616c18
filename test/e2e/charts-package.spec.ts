import { test, expect } from './fixtures';
import { addRepoViaApi, openChartsTab, screenshots, shared, startStaticRepo, type StaticRepo } from './support/charts-fixtures';

test.use({ viewport: { width: 1440, height: 900 } });

// Cilium's published index (relative URLs) with the real cilium-1.16.0.tgz beside it; 1.15.0's URL
// serves those same bytes, so its digest cannot match the index.
let repo: StaticRepo;
test.beforeEach(async () => {
  repo = await startStaticRepo({
    '/cilium/index.yaml': shared('index', 'cilium.yaml'),
    '/cilium/cilium-1.16.0.tgz': shared('charts', 'cilium-1.16.0.tgz'),
    '/cilium/cilium-1.15.0.tgz': shared('charts', 'cilium-1.16.0.tgz'),
  });
});
test.afterEach(async () => {
  await repo.close();
});

test('opening a version verifies its digest and shows README, values with line numbers, schema and files', async ({ page, webApp }) => {
  const remote: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(webApp.origin) && !request.url().startsWith('data:')) remote.push(request.url());
  });
  await page.goto(webApp.url);
  const repoId = await addRepoViaApi(page, { name: 'Cilium', url: `${repo.url}/cilium` });
  await openChartsTab(page, repoId);
  await page.getByTestId('chart-list').locator('[data-chart="cilium"]').click();
  await page.getByTestId('chart-view').getByRole('button', { name: /^Show all/ }).click();
  await page.getByTestId('chart-view').getByRole('button', { name: 'Open version 1.16.0', exact: true }).click();

  const view = page.getByTestId('version-view');
  await expect(view.getByTestId('digest-status')).toHaveAttribute('data-verified', 'true');
  await expect(view.getByTestId('digest-status')).toContainText('Digest verified');
  const readme = view.getByTestId('readme');
  await expect(readme.getByRole('heading', { name: 'cilium', level: 1 })).toBeVisible();
  // Remote images are not loaded: their alt text stands in, and no <img> exists.
  await expect(readme).toContainText('[image: Cilium feature overview]');
  await expect(readme.locator('img')).toHaveCount(0);
  await expect(readme.locator('a[href^="https://docs.cilium.io/"]').first()).toHaveAttribute('target', '_blank');
  await screenshots(page, 'version-readme');

  await view.getByRole('tab', { name: 'values.yaml' }).click();
  const values = view.getByTestId('values-yaml');
  await expect(values.locator('.code-text')).toContainText('debug:');
  await expect(values.locator('.code-gutter')).toContainText(/^1\n2\n3\n/);
  await screenshots(page, 'version-values');
  await view.getByRole('tab', { name: 'values.schema.json' }).click();
  await expect(view.getByTestId('values-schema')).toContainText('"$schema"');
  await view.getByRole('tab', { name: /^Files/ }).click();
  await expect(view.getByTestId('file-list')).toContainText('templates/cilium-agent/daemonset.yaml');
  expect(remote).toEqual([]);
});

test('a package whose bytes do not match the index digest is refused in red with both digests', async ({ page, webApp }) => {
  await page.goto(webApp.url);
  const repoId = await addRepoViaApi(page, { name: 'Cilium', url: `${repo.url}/cilium` });
  await openChartsTab(page, repoId);
  await page.getByTestId('chart-search').fill('cilium');
  await page.getByTestId('chart-list').locator('[data-chart="cilium"]').click();
  await page.getByRole('button', { name: /^Show all/ }).click();
  await page.getByRole('button', { name: 'Open version 1.15.0', exact: true }).click();

  const error = page.getByTestId('version-error');
  await expect(error).toHaveAttribute('data-kind', 'digest-mismatch');
  await expect(error).toContainText('Digest mismatch');
  await expect(error).toContainText(/index says sha256 [0-9a-f]{8}…[0-9a-f]{8}, the download is [0-9a-f]{8}…[0-9a-f]{8}/);
  await screenshots(page, 'digest-mismatch');
});

test('when the server goes away, Refresh shows the offline copy with its age', async ({ page, webApp }) => {
  await page.goto(webApp.url);
  const repoId = await addRepoViaApi(page, { name: 'Cilium', url: `${repo.url}/cilium` });
  await openChartsTab(page, repoId);
  await expect(page.getByTestId('index-chart-count')).toHaveText('2 charts');
  await repo.close();
  await page.getByTestId('index-refresh').click();
  await expect(page.getByTestId('index-offline')).toContainText(/Offline copy from/);
  await expect(page.getByTestId('chart-list')).toHaveAttribute('data-count', '2');
  await screenshots(page, 'offline');
});
