/**
 * Detect, then ask: pasting each kind of URL into the Add dialog shows what answered there, with
 * the evidence in words, and fills in the proposal (which the user can override); the secret field
 * appears only when the proposal needs one. An added repo lands on its charts, and each repo
 * keeps its last tab.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { startSandbox, type RunningSandbox } from '../sandbox/index';
import { test, expect } from './fixtures';
import { shared, startStaticRepo, type StaticRepo } from './support/charts-fixtures';
import { shoot } from './support/repo-ui';

test.use({ viewport: { width: 1440, height: 1000 } });

let sandbox: RunningSandbox;
let statik: StaticRepo;
test.beforeEach(async () => {
  sandbox = await startSandbox({ oci: true });
  statik = await startStaticRepo({ '/grafana/index.yaml': readFileSync(shared('index', 'grafana.yaml')) });
});
test.afterEach(async () => {
  await statik.close();
  await sandbox.close();
});

/** Opens the Add dialog and pastes `url`; resolves with the dialog once the detection has answered. */
async function paste(page: Page, url: string): Promise<Locator> {
  await page.getByRole('button', { name: '+ Add' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a repository' });
  await dialog.getByLabel('URL').fill(url);
  await expect(dialog.getByTestId('url-detection')).toHaveAttribute('data-status', 'ready', { timeout: 15_000 });
  return dialog;
}

async function cancel(dialog: Locator): Promise<void> {
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
}

test('each kind of URL gets its proposal and the evidence for it, and the secret field only when needed', async ({ page, webApp }) => {
  test.setTimeout(120_000);
  await page.goto(webApp.url);

  // The sandbox's ChartMuseum behind its token server.
  let dialog = await paste(page, `${sandbox.repoUrl}/org1/repo1`);
  let found = dialog.getByTestId('url-detection');
  await expect(found).toHaveAttribute('data-outcome', 'token-server');
  await expect(found.getByTestId('detect-headline')).toHaveText('A repo behind a token server (ChartMuseum bearer auth).');
  const evidence = found.getByTestId('detect-evidence');
  await expect(evidence).toContainText(`Bearer realm=${sandbox.tokenUrl}, service=${sandbox.service}, scope=artifact-repository:org1/repo1:pull`);
  await expect(evidence).toContainText('dialect A: POST to the realm with the API key');
  await expect(dialog.getByLabel('Authentication', { exact: true })).toHaveValue('token-server');
  await expect(dialog.getByLabel('Token dialect')).toHaveValue('A');
  await expect(dialog.getByLabel('API key or password', { exact: true })).toBeVisible();
  await expect(found.getByTestId('detect-proposal')).toContainText('Proposed and filled in below: chart repo, token server (dialect A)');
  await shoot(page, 'detect-token-server');

  // Overriding: the user's choice stays, the proposal is one click away.
  await dialog.getByLabel('Authentication', { exact: true }).selectOption('basic');
  await expect(found.getByTestId('detect-proposal')).toContainText('you chose otherwise');
  await expect(dialog.getByLabel('Password', { exact: true })).toBeVisible();
  await found.getByRole('button', { name: 'Use the proposal' }).click();
  await expect(dialog.getByLabel('Authentication', { exact: true })).toHaveValue('token-server');
  await cancel(dialog);

  // Basic auth.
  const basic = await startSandbox({ auth: 'basic' });
  try {
    dialog = await paste(page, `${basic.repoUrl}/org1/repo1`);
    found = dialog.getByTestId('url-detection');
    await expect(found).toHaveAttribute('data-outcome', 'basic');
    await expect(found.getByTestId('detect-evidence')).toContainText('answered 401 with WWW-Authenticate: Basic realm="ChartMuseum"');
    await expect(dialog.getByLabel('Authentication', { exact: true })).toHaveValue('basic');
    await expect(dialog.getByLabel('User name')).toBeVisible();
    await expect(dialog.getByLabel('Password', { exact: true })).toBeVisible();
    await cancel(dialog);
  } finally {
    await basic.close();
  }

  // A public static repo: no secret field at all.
  dialog = await paste(page, `${statik.url}/grafana`);
  found = dialog.getByTestId('url-detection');
  await expect(found.getByTestId('detect-headline')).toHaveText('A public chart repo: 41 charts.');
  await expect(found.getByTestId('detect-evidence')).toContainText('The index lists 41 charts (3,591 versions).');
  await expect(found.getByTestId('detect-evidence')).toContainText('no serverInfo key: a static repo');
  await expect(dialog.getByLabel('Authentication', { exact: true })).toHaveValue('none');
  await expect(dialog.getByTestId('secret-input')).toHaveCount(0);
  await cancel(dialog);

  // An OCI registry, typed bare.
  const registryHost = `localhost:${new URL(sandbox.registryUrl as string).port}`;
  dialog = await paste(page, `${registryHost}/charts`);
  found = dialog.getByTestId('url-detection');
  await expect(found).toHaveAttribute('data-outcome', 'registry');
  await expect(found.getByTestId('detect-headline')).toHaveText('An OCI registry with a token server; anonymous pulls work.');
  await expect(found.getByTestId('detect-evidence')).toContainText(`GET http://${registryHost}/v2/ answered 401 with Docker-Distribution-API-Version: registry/2.0.`);
  await expect(found.getByTestId('detect-evidence')).toContainText('Its token server hands out anonymous tokens');
  await expect(dialog.getByLabel('Authentication', { exact: true })).toHaveValue('none');
  await expect(dialog.getByTestId('secret-input')).toHaveCount(0);
  await expect(dialog.getByTestId('plain-http')).toBeChecked();
  await cancel(dialog);

  // A wrong path: nothing here, nothing one level up; nothing is proposed.
  dialog = await paste(page, `${sandbox.repoUrl}/nowhere`);
  found = dialog.getByTestId('url-detection');
  await expect(found).toHaveAttribute('data-outcome', 'not-found');
  await expect(found.getByTestId('detect-headline')).toHaveText('No chart repo at this address (404).');
  await expect(found.getByTestId('detect-evidence')).toContainText(`GET ${sandbox.repoUrl}/nowhere/index.yaml answered 404: nothing there.`);
  await expect(found.getByTestId('detect-evidence')).toContainText(`GET ${sandbox.repoUrl}/index.yaml (one level up) answered 404.`);
  await expect(found.getByTestId('detect-proposal')).toHaveCount(0);
  await expect(dialog.getByTestId('secret-input')).toHaveCount(0);
  await cancel(dialog);

  // One level too deep: the fix is offered; taking it probes again and fills in the token server.
  dialog = await paste(page, `${sandbox.repoUrl}/org1/repo1/extra`);
  found = dialog.getByTestId('url-detection');
  await expect(found.getByTestId('detect-fix')).toContainText(`Nothing at ${sandbox.repoUrl}/org1/repo1/extra, but the folder one level up, ${sandbox.repoUrl}/org1/repo1, is a chart repo.`);
  await found.getByRole('button', { name: `Use ${sandbox.repoUrl}/org1/repo1` }).click();
  await expect(dialog.getByLabel('URL')).toHaveValue(`${sandbox.repoUrl}/org1/repo1`);
  await expect(found.getByTestId('detect-fix')).toHaveCount(0);
  await expect(dialog.getByLabel('Authentication', { exact: true })).toHaveValue('token-server');
  await cancel(dialog);
});

test('the proposed repo is added and lands on its charts; each repo keeps its last tab', async ({ page, webApp }) => {
  test.setTimeout(90_000);
  await page.goto(webApp.url);

  // Take the proposal for the static repo as it is (the name comes from the URL).
  let dialog = await paste(page, `${statik.url}/grafana`);
  await dialog.getByRole('button', { name: 'Add repository' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: 'grafana' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Charts' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('chart-list')).toHaveAttribute('data-count', '41');

  // Leave it on its Connection tab, then add the token-server repo: it opens on its charts.
  await page.getByRole('tab', { name: 'Connection' }).click();
  dialog = await paste(page, `${sandbox.repoUrl}/org1/repo1`);
  await dialog.getByLabel('Name', { exact: true }).fill('museum');
  await dialog.getByLabel('API key or password', { exact: true }).fill('MASTERKEY');
  await shoot(page, 'detect-add-token-server');
  await dialog.getByRole('button', { name: 'Add repository' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: 'museum' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Charts' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('chart-list').locator('[data-chart="mychart"]')).toBeVisible();

  // Back to the first: still on its Connection tab.
  await page.getByRole('list', { name: 'Repository list' }).getByRole('button', { name: /^grafana/ }).click();
  await expect(page.getByRole('tab', { name: 'Connection' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('list', { name: 'Repository list' }).getByRole('button', { name: /^museum/ }).click();
  await expect(page.getByRole('tab', { name: 'Charts' })).toHaveAttribute('aria-selected', 'true');
});
