/** OCI registries in the browser mode, as a user meets them: add by URL, browse, inspect the manifest, push by drop, delete, connect, add charts by name. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { startSandbox, type RunningSandbox } from '../sandbox/index';
import { testChart } from '../integration/oci/oci-support';
import { test, expect } from './fixtures';
import { screenshots } from './support/charts-fixtures';
import { allowClipboard, readClipboard } from './support/repo-ui';

test.use({ viewport: { width: 1440, height: 900 } });

let sandbox: RunningSandbox;
let host: string;
test.beforeEach(async () => {
  sandbox = await startSandbox({ oci: true });
  // localhost, like the sandbox's realm: the token server is then on the repo's own host.
  host = `localhost:${new URL(sandbox.registryUrl as string).port}`;
});
test.afterEach(async () => {
  await sandbox.close();
});

async function dropFile(page: Page, target: Locator, name: string, bytes: Buffer): Promise<void> {
  const dataTransfer = await page.evaluateHandle(
    ({ base64, fileName }) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], fileName, { type: 'application/gzip' }));
      return transfer;
    },
    { base64: bytes.toString('base64'), fileName: name },
  );
  await target.dispatchEvent('dragenter', { dataTransfer });
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

async function addRegistry(page: Page, name: string, url: string, login?: { user: string; password: string }): Promise<void> {
  await page.getByRole('button', { name: '+ Add' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a repository' });
  await dialog.getByLabel('URL').fill(url);
  await dialog.getByLabel('Name', { exact: true }).fill(name);
  const auth = dialog.getByLabel('Authentication', { exact: true });
  // A registry offers registry logins, not ChartMuseum's token server.
  await expect(auth.locator('option')).toHaveText(['Anonymous (public registry; anonymous tokens)', 'User name and password (helm registry login)', 'Identity token (OAuth2 refresh token)', 'Static bearer token']);
  await expect(dialog.getByTestId('plain-http')).toBeChecked();
  if (login) {
    await auth.selectOption('basic');
    await dialog.getByLabel('User name').fill(login.user);
    await dialog.getByLabel('Password', { exact: true }).fill(login.password);
  }
  await dialog.getByRole('button', { name: 'Add repository' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
}

test('an OCI registry: browse through the catalog, read the manifest, push by drop, overwrite on conflict, delete naming the digest', async ({ page, webApp }) => {
  test.setTimeout(90_000);
  await allowClipboard(page, webApp.origin);
  await page.goto(webApp.url);
  await addRegistry(page, 'registry', `${host}/charts`, { user: 'user', password: 'pass' });
  await expect(page.getByTestId('repo-item').getByTestId('repo-kind')).toHaveText('OCI');
  await expect(page.getByTestId('workspace-kind')).toHaveText('OCI registry');
  await expect(page.getByRole('code').filter({ hasText: `oci://${host}/charts` }).first()).toBeVisible();

  const list = page.getByTestId('chart-list');
  await expect(list).toHaveAttribute('data-count', '2');
  await expect(page.getByTestId('index-discovery')).toHaveText('from the registry’s catalog');
  await expect(page.getByTestId('index-discovery-note')).toHaveText('The registry’s catalog lists 2 repositories under charts.');
  await list.locator('[data-chart="grafana"]').click();
  const view = page.getByTestId('chart-view');
  await expect(view.getByTestId('install-commands')).toContainText(`helm install grafana oci://${host}/charts/grafana --version 5.3.1 --plain-http`);
  await expect(view.getByTestId('version-row')).toHaveAttribute('data-version', '5.3.1');
  await screenshots(page, 'oci-chart');

  await view.getByRole('button', { name: 'Open version 5.3.1' }).click();
  await expect(page.getByTestId('digest-status')).toHaveAttribute('data-verified', 'true');
  await expect(page.getByTestId('digest-status')).toContainText('chart layer’s digest in the registry’s manifest');
  await page.getByRole('tab', { name: 'Manifest' }).click();
  const manifest = page.getByTestId('manifest-panel');
  await expect(manifest.getByTestId('manifest-layers').locator('tbody tr')).toHaveCount(1);
  await expect(manifest.getByTestId('manifest-layers')).toContainText('application/vnd.cncf.helm.chart.content.v1.tar+gzip');
  await expect(manifest).toContainText('application/vnd.cncf.helm.config.v1+json');
  const digest = (await manifest.getByTestId('manifest-digest').textContent()) ?? '';
  expect(digest).toMatch(/^sha256:[a-f0-9]{64}$/);
  await manifest.getByRole('button', { name: 'Copy: By digest' }).click();
  expect(await readClipboard(page)).toBe(`helm pull oci://${host}/charts/grafana@${digest} --plain-http`);
  await screenshots(page, 'oci-manifest');
  await page.getByTestId('back-to-chart').click();

  // Push a new chart by dropping it on the list; the same version again asks before moving the tag.
  const pkg = testChart('dropped', '2.0.0');
  await dropFile(page, page.getByTestId('push-drop-zone'), 'dropped-2.0.0.tgz', pkg);
  await expect(page.getByTestId('toasts')).toContainText('Pushed dropped 2.0.0');
  await expect(list.locator('[data-chart="dropped"]')).toBeVisible();
  await dropFile(page, page.getByTestId('push-drop-zone'), 'dropped-2.0.0.tgz', testChart('dropped', '2.0.0', 'description: second\n'));
  const conflict = page.getByTestId('push-conflict');
  await expect(conflict.getByRole('heading', { name: 'Overwrite?' })).toBeVisible();
  await conflict.getByTestId('push-overwrite').click();
  await expect(page.getByTestId('toasts')).toContainText('Overwrote dropped 2.0.0');

  await page.getByTestId('chart-view').getByRole('button', { name: 'Delete version 2.0.0' }).click();
  const dialog = page.getByTestId('delete-dialog');
  await expect(dialog).toContainText('the manifest tagged 2.0.0');
  await expect(dialog.getByTestId('delete-digest')).toHaveText(/^sha256:[a-f0-9]{64}$/);
  await screenshots(page, 'oci-delete-confirm');
  await dialog.getByRole('button', { name: 'Delete version' }).click();
  await expect(page.getByTestId('toasts')).toContainText('Deleted dropped 2.0.0');

  // Connection: the registry's challenge, the token server, the retry.
  await page.getByRole('tab', { name: 'Connection' }).click();
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByTestId('flow-outcome')).toHaveAttribute('data-ok', 'true');
  const steps = page.getByTestId('trace-step');
  await expect(steps.nth(0)).toHaveAttribute('data-step', 'challenge');
  await expect(steps.nth(1)).toHaveAttribute('data-step', 'token');
  await expect(steps.nth(1)).toContainText('GET');
  await expect(steps.nth(2)).toHaveAttribute('data-step', 'retry');
  expect(await page.locator('body').innerText()).not.toContain('pass\n');
  await screenshots(page, 'oci-connection');
});

test('a registry that will not list its repositories: the UI says why, and charts are added by name', async ({ page, webApp }) => {
  sandbox.setOption('grant', (requested) => requested.filter((e) => e.type !== 'registry').map((e) => ({ ...e, actions: e.actions.filter((a) => a === 'pull') })));
  await page.goto(webApp.url);
  await addRegistry(page, 'locked', `oci://${host}/charts`);
  await expect(page.getByTestId('charts-empty')).toContainText('Add a chart by name');
  await expect(page.getByTestId('index-discovery')).toHaveText('charts named by you');
  await expect(page.getByTestId('index-discovery-note')).toContainText('does not let these credentials list its repositories');
  await page.getByTestId('add-chart').click();
  const dialog = page.getByTestId('add-chart-dialog');
  await dialog.getByTestId('add-chart-input').fill(`oci://${host}/charts/signtest`);
  await dialog.getByRole('button', { name: 'Add chart' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('chart-list').locator('[data-chart="signtest"]')).toBeVisible();
  await expect(page.getByTestId('chart-view')).toContainText('signtest');
  await page.getByTestId('add-chart').click();
  await dialog.getByTestId('add-chart-input').fill('oci://ghcr.io/someone/else');
  await dialog.getByRole('button', { name: 'Add chart' }).click();
  await expect(dialog).toContainText('is not in this repo');
  await screenshots(page, 'oci-named');
});

test('Import → Registry logins reads a Docker config.json, moves the password out of sight and the registry browses', async ({ page, webApp }) => {
  const file = path.join(webApp.home, 'docker-config.json');
  writeFileSync(file, JSON.stringify({ auths: { [host]: { auth: Buffer.from('user:pass').toString('base64') } } }));
  await page.goto(webApp.url);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByTestId('import-registry-logins').check();
  const dialog = page.getByRole('dialog', { name: 'Import registry logins' });
  await dialog.getByLabel('Auth file path').fill(file);
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  const report = page.getByTestId('registry-import-report');
  await expect(report).toContainText('1 imported, 0 skipped.');
  await expect(report).toContainText(`${host} from the file in ${file}`);
  expect(await page.locator('body').innerText()).not.toContain('pass\n');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await page.getByTestId('repo-item').filter({ hasText: host }).click();
  await expect(page.getByTestId('chart-list')).toHaveAttribute('data-count', '2');
});
