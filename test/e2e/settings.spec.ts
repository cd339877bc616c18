import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { shared, startStaticRepo } from './support/charts-fixtures';
import { callApi, openSettings, pixelOf } from './support/settings-ui';
import { shoot } from './support/repo-ui';

const LIGHT_BG = 'rgb(247, 248, 250)';
const DARK_BG = 'rgb(21, 24, 30)';
const LIGHT_PANEL = 'rgb(255, 255, 255)';
const DARK_PANEL = 'rgb(29, 33, 41)';

/** The page's background and a panel's, as computed by the browser. */
const colours = (page: import('@playwright/test').Page) =>
  page.evaluate(() => ({
    page: getComputedStyle(document.documentElement).backgroundColor,
    panel: getComputedStyle(document.querySelector('.settings-panel') as Element).backgroundColor,
    text: getComputedStyle(document.body).color,
  }));

test('Ctrl+, opens Settings; the theme switches at once, shows in a screenshot, and is kept across a reload', async ({ page, webApp }, testInfo) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(webApp.url);
  await expect(page.getByTestId('app-shell')).toBeVisible();
  await page.keyboard.press('Control+Comma');
  await expect(page.getByTestId('settings-view')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' })).toHaveAttribute('aria-current', 'page');
  expect(await colours(page)).toMatchObject({ page: LIGHT_BG, panel: LIGHT_PANEL });
  const lightShot = await page.screenshot({ path: testInfo.outputPath('theme-light.png') });

  const themes = page.getByTestId('theme-choice');
  await themes.getByText('Dark', { exact: true }).click();
  await expect.poll(() => colours(page).then((c) => c.page)).toBe(DARK_BG);
  expect(await colours(page)).toMatchObject({ panel: DARK_PANEL, text: 'rgb(230, 233, 239)' });
  const darkShot = await page.screenshot({ path: testInfo.outputPath('theme-dark.png') });
  await testInfo.attach('light', { body: lightShot, contentType: 'image/png' });
  await testInfo.attach('dark', { body: darkShot, contentType: 'image/png' });
  // The screenshots themselves: the window's bottom-right corner (the page background) changed colour.
  const viewport = page.viewportSize() ?? { width: 1280, height: 720 };
  const corner = [viewport.width - 3, viewport.height - 40] as const;
  expect(await pixelOf(page, lightShot, ...corner)).toBe(LIGHT_BG);
  expect(await pixelOf(page, darkShot, ...corner)).toBe(DARK_BG);

  // Kept in settings.json and applied again after a reload, though the system is light.
  await page.reload();
  await expect.poll(() => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(DARK_BG);
  expect(JSON.parse(readFileSync(path.join(webApp.home, 'settings.json'), 'utf8')).settings.theme).toBe('dark');

  // System follows the system's scheme, both ways; Light stays light on a dark system.
  await openSettings(page, 'Appearance');
  await page.getByTestId('theme-choice').getByText('System', { exact: true }).click();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => colours(page).then((c) => c.page)).toBe(DARK_BG);
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => colours(page).then((c) => c.page)).toBe(LIGHT_BG);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByTestId('theme-choice').getByText('Light', { exact: true }).click();
  await expect.poll(() => colours(page).then((c) => c.page)).toBe(LIGHT_BG);
  await page.emulateMedia({ colorScheme: 'light' });
});

test('network and chart settings round-trip through the UI and take effect: a lowered index cap refuses a big index', async ({ page, webApp }) => {
  const repo = await startStaticRepo({ '/index.yaml': shared('index', 'cilium.yaml') });
  try {
    await page.goto(webApp.url);
    await openSettings(page, 'Network');
    const timeout = page.getByTestId('setting-response-timeout');
    await timeout.fill('0');
    await timeout.press('Enter');
    await expect(page.getByText('Give a whole number from 1 to 3600.')).toBeVisible();
    await timeout.fill('12');
    await timeout.press('Enter');
    const proxy = page.getByTestId('setting-proxy');
    await proxy.fill('http://alice:pw@proxy.example.com:3128');
    await proxy.press('Enter');
    await expect(page.getByTestId('settings-network').locator('.field-error')).toContainText('Invalid arguments for updateSettings: proxyUrl');
    await proxy.fill('http://proxy.example.com:3128');
    await proxy.press('Enter');
    await expect.poll(() => callApi<{ proxyUrl: string }>(page, 'getSettings').then((s) => s.proxyUrl)).toBe('http://proxy.example.com:3128');
    await proxy.fill('');
    await proxy.press('Enter');
    await shoot(page, 'settings-network');

    await openSettings(page, 'Charts');
    const cap = page.getByTestId('setting-index-cap');
    await cap.fill('1');
    await cap.press('Enter');
    await page.getByTestId('setting-icons-other-hosts').click({ force: true });
    await expect.poll(() => callApi<Record<string, unknown>>(page, 'getSettings')).toMatchObject({ responseTimeoutSeconds: 12, proxyUrl: '', maxIndexMb: 1, iconsFromOtherHosts: false });

    // After a reload the fields show the saved values.
    await page.reload();
    await openSettings(page, 'Network');
    await expect(page.getByTestId('setting-response-timeout')).toHaveValue('12');
    await openSettings(page, 'Charts');
    await expect(page.getByTestId('setting-index-cap')).toHaveValue('1');
    await expect(page.getByTestId('setting-icons-other-hosts')).not.toBeChecked();

    // The cap applies to the next index opened, without a restart.
    await callApi(page, 'addRepo', { name: 'cilium', url: repo.url });
    await page.reload();
    await page.getByText('cilium', { exact: true }).first().click();
    await expect(page.getByTestId('charts-tab').getByRole('alert')).toContainText('The index is larger than the 1 MB index size cap.');
    await shoot(page, 'settings-cap-refused');
  } finally {
    await repo.close();
  }
});

/** Every regular file below `dir` with its size, as find(1) sees them. */
function filesOnDisk(dir: string): Map<string, number> {
  if (!existsSync(dir)) return new Map();
  const out = execFileSync('find', [dir, '-type', 'f', '-printf', '%s %P\\n'], { encoding: 'utf8' });
  return new Map(out.split('\n').filter(Boolean).map((line) => [line.slice(line.indexOf(' ') + 1), Number(line.slice(0, line.indexOf(' ')))] as const));
}

test('Storage shows each cache with the size of its files on disk, and Clear removes those files only', async ({ page, webApp }) => {
  const cilium = readFileSync(shared('charts', 'cilium-1.16.0.tgz'));
  const repo = await startStaticRepo({ '/index.yaml': shared('index', 'cilium.yaml'), '/cilium-1.16.0.tgz': cilium });
  try {
    await page.goto(webApp.url);
    const { id } = await callApi<{ id: string }>(page, 'addRepo', { name: 'cilium', url: repo.url });
    await callApi(page, 'openChartVersion', { repoId: id, name: 'cilium', version: '1.16.0' });
    await openSettings(page, 'Storage');
    const rows = page.getByTestId('storage-row');
    await expect(rows).toHaveCount(3);
    for (const [cache, folder] of [['index-offline', 'index-offline'], ['chart-cache', 'chart-cache']] as const) {
      const onDisk = [...filesOnDisk(path.join(webApp.home, folder)).values()].reduce((a, b) => a + b, 0);
      expect(onDisk).toBeGreaterThan(0);
      await expect(page.locator(`[data-testid="storage-row"][data-cache="${cache}"]`)).toHaveAttribute('data-bytes', String(onDisk));
    }
    await expect(page.locator('[data-cache="chart-cache"]')).toContainText('202.8 kB');
    await expect(page.getByTestId('data-folder')).toHaveText(webApp.home);
    // The browser mode cannot open a folder: it offers the path to copy instead.
    await expect(page.getByRole('button', { name: 'Open folder' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Copy path' })).toBeVisible();
    await shoot(page, 'settings-storage');

    const before = filesOnDisk(webApp.home);
    await page.getByRole('button', { name: 'Clear chart packages' }).click();
    await expect(page.locator('[data-cache="chart-cache"]')).toHaveAttribute('data-bytes', '0');
    const after = filesOnDisk(webApp.home);
    expect([...after.keys()].sort()).toEqual([...before.keys()].filter((name) => !name.startsWith('chart-cache/')).sort());
    expect(after.get('repos.json')).toBe(before.get('repos.json'));
    await page.getByRole('button', { name: 'Clear all caches' }).click();
    await expect(page.getByTestId('storage-total')).toHaveText('0 B');
    expect([...filesOnDisk(webApp.home).keys()].filter((name) => /^(index-offline|chart-cache)\//.test(name))).toEqual([]);
    expect(existsSync(path.join(webApp.home, 'repos.json'))).toBe(true);
  } finally {
    await repo.close();
  }
});

test('About lists the versions and the data folder', async ({ page, webApp }) => {
  await page.goto(webApp.url);
  await openSettings(page, 'About');
  const about = page.getByTestId('about-table');
  await expect(about.getByRole('row', { name: /ChartDesk/ })).toContainText('0.');
  await expect(about.getByRole('row', { name: /Runs as/ })).toContainText('Browser mode');
  await expect(about.getByRole('row', { name: /Node\.js/ })).toContainText(process.versions.node);
  await expect(about.getByRole('row', { name: /^Browser / })).toContainText('Chrome/');
  await expect(about.getByRole('row', { name: /Data folder/ })).toContainText(webApp.home);
});
