import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { addRepoViaApi, openChartsTab, screenshots, shared, startStaticRepo } from './support/charts-fixtures';

test.use({ viewport: { width: 1440, height: 900 } });

// A small index written for this test: a chart whose icon sits beside the index, a chart without
// one, and a broken entry (no version) that the index engine must skip with a warning.
const SMALL_INDEX = `apiVersion: v1
entries:
  painted:
  - name: painted
    version: 1.2.0
    appVersion: "3.1"
    description: A chart with an icon next to the index
    icon: icons/painted.svg
    urls: [painted-1.2.0.tgz]
    digest: ${'a'.repeat(64)}
  plain:
  - name: plain
    version: 0.1.0
    description: A chart without an icon
    deprecated: true
    urls: [plain-0.1.0.tgz]
  - name: plain
    description: This entry has no version
    urls: [plain-x.tgz]
generated: "2024-01-01T00:00:00Z"
`;
const ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0f6cbd"/></svg>';

test('icons load through the core as data: URLs, a chart without one gets a lettered tile, skipped entries are listed', async ({ page, webApp }) => {
  const repo = await startStaticRepo({ '/index.yaml': Buffer.from(SMALL_INDEX), '/icons/painted.svg': Buffer.from(ICON) });
  try {
    await page.goto(webApp.url);
    const repoId = await addRepoViaApi(page, { name: 'Small', url: repo.url });
    await openChartsTab(page, repoId);
    const list = page.getByTestId('chart-list');
    await expect(list).toHaveAttribute('data-count', '2');
    const icon = list.locator('[data-chart="painted"]').getByTestId('chart-icon-image');
    await expect(icon).toHaveAttribute('src', /^data:image\/svg\+xml;base64,/);
    await expect(list.locator('[data-chart="plain"] .chart-icon-fallback')).toHaveText('P');
    await expect(list.locator('[data-chart="plain"]')).toContainText('deprecated');
    expect(repo.requests).toContain('/icons/painted.svg');

    const warnings = page.getByTestId('index-warnings');
    await expect(warnings).toContainText('1 warning');
    await warnings.locator('summary').click();
    await expect(warnings).toContainText('Chart "plain"');
    await expect(warnings).toContainText('skipped');
    await screenshots(page, 'icons-warnings');
  } finally {
    await repo.close();
  }
});

test('an empty index says what to do next', async ({ page, webApp }) => {
  const repo = await startStaticRepo({ '/index.yaml': shared('index', 'helm-stable-empty-2020.yaml') });
  try {
    await page.goto(webApp.url);
    const repoId = await addRepoViaApi(page, { name: 'Empty stable', url: repo.url });
    await openChartsTab(page, repoId);
    await expect(page.getByTestId('index-chart-count')).toHaveText('0 charts');
    await expect(page.getByTestId('charts-empty')).toContainText('no charts yet');
    // A static repo cannot take pushes, so the empty state does not suggest one.
    await expect(page.getByTestId('charts-empty')).toContainText('when the repository’s index lists them');
    await expect(page.getByTestId('charts-empty')).not.toContainText('drop a .tgz');
    await expect(page.getByTestId('push-button')).toHaveCount(0);
    await screenshots(page, 'empty');
  } finally {
    await repo.close();
  }
});

test('a repo that cannot be reached shows the failed step, the reason and a way to retry', async ({ page, webApp }) => {
  const repo = await startStaticRepo({ '/index.yaml': Buffer.from(SMALL_INDEX) });
  await repo.close();
  await page.goto(webApp.url);
  const repoId = await addRepoViaApi(page, { name: 'Gone', url: repo.url });
  await openChartsTab(page, repoId);
  const error = page.getByTestId('index-error');
  await expect(error).toContainText('Could not open the index');
  await expect(error).toHaveAttribute('data-step', /.+/);
  await expect(error.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(page.getByTestId('chart-list')).toHaveCount(0);
  await screenshots(page, 'unreachable');
});

test('in a narrow window a deprecated chart keeps its whole name; its version gives way first', async ({ page, webApp }) => {
  const repo = await startStaticRepo({ '/index.yaml': shared('index', 'grafana.yaml') });
  try {
    await page.setViewportSize({ width: 1024, height: 700 });
    await page.goto(webApp.url);
    const repoId = await addRepoViaApi(page, { name: 'Grafana', url: repo.url });
    await openChartsTab(page, repoId);
    await page.getByPlaceholder('Search charts').fill('grafana');
    const name = page.getByTestId('chart-list').locator('[data-chart="grafana"] .chart-row-name');
    await expect(name).toHaveText('grafana');
    const fits = await name.evaluate((el) => el.scrollWidth <= el.clientWidth && el.clientWidth > 0);
    expect(fits).toBe(true);
  } finally {
    await repo.close();
  }
});

for (const size of [
  { width: 1024, height: 700 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1000 },
]) {
  test(`at ${size.width}x${size.height} the versions table fits without sideways scrolling and shows the package host and file`, async ({ page, webApp }) => {
    // Grafana's index as ChartMuseum would serve it (its `serverInfo: {}` line first), so versions can be deleted.
    const repo = await startStaticRepo({ '/index.yaml': Buffer.concat([Buffer.from('serverInfo: {}\n'), readFileSync(shared('index', 'grafana.yaml'))]) });
    try {
      await page.setViewportSize(size);
      await page.goto(webApp.url);
      const repoId = await addRepoViaApi(page, { name: 'Grafana', url: repo.url });
      await openChartsTab(page, repoId);
      await page.getByPlaceholder('Search charts').fill('grafana');
      await page.getByTestId('chart-list').locator('[data-chart="grafana"]').click();
      const table = page.getByTestId('chart-view').getByTestId('versions-table');
      const url = table.getByTestId('version-row').first().locator('.url-cell');
      await expect(url).toBeVisible();
      await table.scrollIntoViewIfNeeded();
      // Hovering a row shows its Delete button inside the row, clear of the digest's Copy button.
      const hovered = table.getByTestId('version-row').nth(1);
      await hovered.hover();
      const remove = hovered.getByTestId('version-delete');
      await expect(remove).toBeVisible();
      const [del, copy, row] = await Promise.all([remove.boundingBox(), hovered.getByRole('button', { name: /Copy the digest/ }).boundingBox(), hovered.boundingBox()]);
      expect(del!.x + del!.width).toBeLessThanOrEqual(row!.x + row!.width);
      const overlaps = del!.x < copy!.x + copy!.width && copy!.x < del!.x + del!.width && del!.y < copy!.y + copy!.height && copy!.y < del!.y + del!.height;
      expect(overlaps).toBe(false);
      await screenshots(page, `versions-${size.width}`);

      const full = (await url.getAttribute('title')) ?? '';
      expect(full).toMatch(/^https:\/\/github\.com\/.+\.tgz$/);
      const file = full.split('/').pop()!;
      // The cell shows the host and the whole file name; only the part between may be elided.
      await expect(url).toContainText('github.com');
      await expect(url.locator('.package-url-file')).toHaveText(file);
      const fileClipped = await url.locator('.package-url-file').evaluate((el) => el.scrollWidth > el.clientWidth || el.getBoundingClientRect().right > el.closest('td')!.getBoundingClientRect().right);
      expect(fileClipped).toBe(false);
      const hostWidth = await url.locator('.package-url-lead').evaluate((el) => el.clientWidth);
      expect(hostWidth).toBeGreaterThan(40);
      const scrolls = await page.locator('.versions').evaluate((el) => el.scrollWidth > el.clientWidth);
      expect(scrolls).toBe(false);
      const detailScrolls = await page.locator('.charts-detail').evaluate((el) => el.scrollWidth > el.clientWidth);
      expect(detailScrolls).toBe(false);
    } finally {
      await repo.close();
    }
  });
}
