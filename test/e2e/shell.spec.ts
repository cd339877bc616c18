import { test, expect } from './fixtures';

test('the shell loads in browser mode and shows an empty repo list with a first step', async ({ page, webApp }) => {
  await page.goto(webApp.url);
  await expect(page.getByRole('heading', { name: 'ChartDesk', level: 1 })).toBeVisible();
  await expect(page.getByTestId('repos-empty')).toContainText('No repositories yet');
  await expect(page.getByText('First step:')).toBeVisible();
  // The token left the address bar: it was traded for a session cookie.
  expect(new URL(page.url()).searchParams.has('token')).toBe(false);
});

test('a contract call goes end to end: the status bar shows what appInfo returned', async ({ page, webApp }) => {
  await page.goto(webApp.url);
  const status = page.getByTestId('status-bar');
  await expect(status).toContainText('Browser mode');
  await expect(status).toContainText(/ChartDesk \d+\.\d+\.\d+/);
  await expect(page.locator('.app')).toHaveAttribute('data-transport', 'browser');
});

test('without the token the page is refused', async ({ page, webApp }) => {
  const response = await page.goto(webApp.origin + '/');
  expect(response?.status()).toBe(401);
  await expect(page.locator('body')).toContainText('Open the full URL ChartDesk printed');
});
