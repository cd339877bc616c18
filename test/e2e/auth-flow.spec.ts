import { startSandbox, type RunningSandbox } from '../sandbox/index';
import { test, expect } from './fixtures';
import { addRepoViaUi, allowClipboard, readClipboard, shoot } from './support/repo-ui';

let sandbox: RunningSandbox;
test.beforeEach(async () => {
  sandbox = await startSandbox();
});
test.afterEach(async () => {
  await sandbox.close();
});

test('Connect runs challenge -> token -> retry, shows each request, and the key appears nowhere in the page', async ({ page, webApp }) => {
  await page.goto(webApp.url);
  await addRepoViaUi(page, { name: 'org1', url: `${sandbox.repoUrl}/org1/repo1`, mode: 'token-server', secret: 'MASTERKEY' });
  // The new repo lands on its Charts tab, whose index fetch caches a token: let it finish, so the
  // fresh flow of Connect is the only one running (else it may reuse the token that fetch just got).
  await expect(page.getByTestId('index-chart-count')).toBeVisible();
  await page.getByRole('tab', { name: 'Connection' }).click();
  await expect(page.getByTestId('connection-empty')).toBeVisible();
  await page.getByRole('button', { name: 'Connect', exact: true }).click();

  const outcome = page.getByTestId('flow-outcome');
  await expect(outcome).toHaveAttribute('data-ok', 'true');
  const steps = page.getByTestId('trace-step');
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(0)).toHaveAttribute('data-step', 'challenge');
  await expect(steps.nth(1)).toHaveAttribute('data-step', 'token');
  await expect(steps.nth(2)).toHaveAttribute('data-step', 'retry');
  // The challenge: the repo answered 401 and named the token server.
  await expect(steps.nth(0).getByTestId('trace-request')).toHaveAttribute('data-status', '401');
  await expect(steps.nth(0)).toContainText('www-authenticate');
  await expect(steps.nth(0)).toContainText(`realm="${sandbox.tokenUrl}"`);
  // The token request went to the realm with the scope; the retry succeeded.
  await expect(steps.nth(1).getByTestId('trace-request')).toHaveAttribute('data-status', '200');
  await expect(steps.nth(1)).toContainText('POST');
  await expect(steps.nth(1)).toContainText('scope=artifact-repository:org1/repo1:pull');
  await expect(steps.nth(2).getByTestId('trace-request')).toHaveAttribute('data-status', '200');
  await expect(outcome).toContainText('200 OK');

  // The full headers are one click away, still redacted.
  for (const details of await page.locator('.trace-details summary').all()) await details.click();
  await expect(steps.nth(1)).toContainText('authorization');
  expect(await page.content()).not.toContain('MASTERKEY');
  expect(await page.locator('body').innerText()).not.toContain('MASTERKEY');
  // The sandbox really saw the key: the page hid it, the flow did not skip it.
  expect(sandbox.requests.some((r) => r.server === 'token' && r.headers.authorization === 'Bearer MASTERKEY')).toBe(true);
  await shoot(page, 'connection-ok');
});

test('the Token tab shows the access table, a live countdown, and reveals and copies the real token on request', async ({ page, webApp }) => {
  await allowClipboard(page, webApp.origin);
  await page.goto(webApp.url);
  await addRepoViaUi(page, { name: 'org1', url: `${sandbox.repoUrl}/org1/repo1`, mode: 'token-server', secret: 'MASTERKEY' });
  await page.getByRole('tab', { name: 'Token' }).click();

  const access = page.getByTestId('access-table');
  await expect(access.getByRole('row')).toHaveCount(2);
  const cells = access.getByRole('row').nth(1).getByRole('cell');
  await expect(cells.nth(0)).toHaveText('artifact-repository');
  await expect(cells.nth(1)).toHaveText('org1/repo1');
  await expect(cells.nth(2)).toHaveText('pull');
  const countdown = page.getByTestId('countdown');
  await expect(countdown).toHaveAttribute('data-state', 'ok');
  await expect(countdown).toContainText(/Expires in [45]:\d\d/);
  const first = await countdown.innerText();
  await expect(countdown).not.toHaveText(first); // it ticks
  await expect(page.getByTestId('jwt-claims')).toContainText('"access"');

  // Masked until revealed.
  const value = page.getByTestId('token-value');
  await expect(value).toContainText('…');
  await page.getByRole('button', { name: 'Reveal token' }).click();
  await expect(value).toHaveText(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
  const token = await value.innerText();
  await shoot(page, 'token-revealed');
  await page.getByRole('button', { name: 'Hide token' }).click();
  await expect(value).not.toContainText(token);

  // The revealed token is the one the repo accepts.
  const answer = await fetch(`${sandbox.repoUrl}/org1/repo1/index.yaml`, { headers: { authorization: `Bearer ${token}` } });
  expect(answer.status).toBe(200);

  await page.getByRole('button', { name: 'Copy Authorization header' }).click();
  await expect(page.getByRole('button', { name: 'Copy Authorization header' })).toHaveText('✓ Copied');
  expect(await readClipboard(page)).toBe(`Authorization: Bearer ${token}`);
  await page.getByRole('button', { name: 'Copy curl command' }).click();
  await expect.poll(() => readClipboard(page)).toBe(`curl -fsSL -H 'Authorization: Bearer ${token}' '${sandbox.repoUrl}/org1/repo1/index.yaml'`);
  await page.getByRole('button', { name: 'Copy export HELM_REPO_ACCESS_TOKEN' }).click();
  await expect.poll(() => readClipboard(page)).toBe(`export HELM_REPO_ACCESS_TOKEN='${token}'`);
  // Ctrl+Shift+C copies the token itself.
  await page.evaluate(() => navigator.clipboard.writeText('nothing yet'));
  await page.keyboard.press('Control+Shift+C');
  await expect.poll(() => readClipboard(page)).toBe(token);
  await expect(page.getByTestId('toasts')).toContainText('Token copied');
  await shoot(page, 'token');
});

test('a token server on another host stops the flow until the user approves that origin', async ({ page, webApp }) => {
  await page.goto(webApp.url);
  // The sandbox's challenge names localhost; a repo added as 127.0.0.1 sees a realm on another host.
  const repoUrl = `${sandbox.repoUrl.replace('localhost', '127.0.0.1')}/org1/repo1`;
  const realmOrigin = new URL(sandbox.tokenUrl).origin;
  await addRepoViaUi(page, { name: 'by-ip', url: repoUrl, mode: 'token-server', secret: 'MASTERKEY' });
  await page.getByRole('tab', { name: 'Connection' }).click();
  await page.getByRole('button', { name: 'Connect', exact: true }).click();

  const error = page.getByTestId('flow-error');
  await expect(error).toHaveAttribute('data-kind', 'realm-mismatch');
  await expect(error).toHaveAttribute('data-step', 'challenge');
  await expect(error).toContainText(realmOrigin);
  // Nothing went to the token server yet.
  expect(sandbox.requests.filter((r) => r.server === 'token')).toHaveLength(0);
  await shoot(page, 'connection-realm-mismatch');

  await page.getByRole('button', { name: `Approve ${realmOrigin}` }).click();
  await expect(page.getByTestId('flow-outcome')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('trace-step')).toHaveCount(3);
  await expect(page.getByTestId('realm-line')).toContainText(realmOrigin);
});

test('a wrong key fails at the token step with the token server’s rejection, and the key is not shown', async ({ page, webApp }) => {
  await page.goto(webApp.url);
  await addRepoViaUi(page, { name: 'wrong-key', url: `${sandbox.repoUrl}/org1/repo1`, mode: 'token-server', secret: 'NOT-THE-KEY-42' });
  await page.getByRole('tab', { name: 'Connection' }).click();
  // Ctrl+R (or F5) refreshes the current tab: here it runs Connect again, without reloading the page.
  await page.keyboard.press('Control+r');

  const error = page.getByTestId('flow-error');
  await expect(error).toHaveAttribute('data-kind', 'token-server-rejected');
  await expect(error).toHaveAttribute('data-step', 'token');
  await expect(error).toContainText('Failed at the token request');
  const failed = page.locator('[data-testid="trace-step"].is-failed');
  await expect(failed).toHaveAttribute('data-step', 'token');
  await expect(failed).toContainText('failed here');
  // The example token server echoes the key it got in its error body: it must not reach the page.
  expect(await page.content()).not.toContain('NOT-THE-KEY-42');
  await shoot(page, 'connection-wrong-key');

  const tokenRequests = () => sandbox.requests.filter((r) => r.server === 'token').length;
  const before = tokenRequests();
  await page.keyboard.press('F5');
  await expect.poll(tokenRequests).toBe(before + 1);
  await expect(page.getByTestId('flow-error')).toHaveAttribute('data-kind', 'token-server-rejected');

  await page.getByRole('tab', { name: 'Token' }).click();
  await expect(page.getByTestId('token-error')).toHaveAttribute('data-kind', 'token-server-rejected');
});

test('a short-lived token shows as expiring soon, and Keep fresh replaces it before it expires', async ({ page, webApp }) => {
  sandbox.setOption('tokenLifetimeSeconds', 8);
  await page.goto(webApp.url);
  await addRepoViaUi(page, { name: 'short', url: `${sandbox.repoUrl}/org1/repo1`, mode: 'token-server', secret: 'MASTERKEY' });
  await page.getByRole('tab', { name: 'Token' }).click();
  const countdown = page.getByTestId('countdown');
  await expect(countdown).toHaveAttribute('data-state', 'soon');
  await expect(countdown).toContainText('Expiring soon');
  const masked = page.getByTestId('token-value');
  const before = await masked.innerText();
  const issuedBefore = await page.getByTestId('issued-at').innerText();

  await page.getByRole('switch', { name: 'Keep fresh' }).check();
  // The core refreshes ahead of expiry and pushes tokenUpdated: a new token, issued later, never expired.
  await expect(page.getByTestId('issued-at')).not.toHaveText(issuedBefore, { timeout: 15_000 });
  await expect(masked).not.toHaveText(before);
  await expect(countdown).not.toHaveAttribute('data-state', 'expired');
  await page.getByRole('switch', { name: 'Keep fresh' }).uncheck();
  await expect(page.getByRole('switch', { name: 'Keep fresh' })).not.toBeChecked();
});
