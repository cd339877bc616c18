import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { startSandbox, type RunningSandbox } from '../sandbox/index';
import { readTgz } from '../sandbox/tar-reader';
import { tgzOf } from '../unit/charts/tar-builder';
import { test, expect } from './fixtures';
import { addRepoViaApi, openChartsTab, screenshots, shared } from './support/charts-fixtures';

test.use({ viewport: { width: 1440, height: 900 } });

// The real grafana-5.3.1.tgz, and a 5.4.0 made from it the way a chart author would (bumped
// version, changed values), pushed to the sandbox ChartMuseum with a MASTERKEY token.
const original = readFileSync(shared('charts', 'grafana-5.3.1.tgz'));
const bumped = tgzOf(
  readTgz(original).map((file) => {
    let text = file.data.toString('utf8');
    if (file.name === 'grafana/Chart.yaml') text = text.replace('version: 5.3.1', 'version: 5.4.0');
    else if (file.name === 'grafana/values.yaml') text = text.replace('replicas: 1', 'replicas: 3\nrevisionHistoryLimit: 5');
    else return { name: file.name, data: file.data };
    return { name: file.name, data: text };
  }),
);

let sandbox: RunningSandbox;
let folder: string;
test.beforeEach(async () => {
  sandbox = await startSandbox({ auth: 'bearer' });
  folder = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-push-'));
  writeFileSync(path.join(folder, 'grafana-5.3.1.tgz'), original);
  writeFileSync(path.join(folder, 'grafana-5.4.0.tgz'), bumped);
});
test.afterEach(async () => {
  await sandbox.close();
  rmSync(folder, { recursive: true, force: true });
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

test('push by picker and by drop, compare values, overwrite on conflict, delete with confirmation', async ({ page, webApp }) => {
  test.setTimeout(90_000);
  await page.goto(webApp.url);
  const repoId = await addRepoViaApi(page, {
    name: 'Sandbox org1',
    url: `${sandbox.repoUrl}/org1/repo1`,
    auth: { mode: 'token-server', dialect: 'A', approvedRealmOrigin: new URL(sandbox.tokenUrl).origin },
    secret: 'MASTERKEY',
  });
  await openChartsTab(page, repoId);
  const list = page.getByTestId('chart-list');
  await expect(list).toHaveAttribute('data-count', '1');
  await expect(list.getByTestId('chart-row').first()).toHaveAttribute('data-chart', 'mychart');
  // The sandbox's index has `serverInfo: {}`: a ChartMuseum, so push and delete are offered.
  await expect(page.getByTestId('push-button')).toBeVisible();
  await expect(page.getByTestId('index-read-only')).toHaveCount(0);
  await list.locator('[data-chart="mychart"]').click();
  await expect(page.getByTestId('chart-view').getByRole('button', { name: 'Delete version 0.1.0' })).toBeAttached();

  // Push with the file picker, then by dropping a .tgz on the list.
  await page.getByTestId('push-file-input').setInputFiles(path.join(folder, 'grafana-5.3.1.tgz'));
  await expect(page.getByTestId('toasts')).toContainText('Pushed grafana 5.3.1');
  await expect(list.locator('[data-chart="grafana"]')).toBeVisible();
  await dropFile(page, page.getByTestId('push-drop-zone'), 'grafana-5.4.0.tgz', bumped);
  await expect(page.getByTestId('toasts')).toContainText('Pushed grafana 5.4.0');

  const view = page.getByTestId('chart-view');
  await expect(view.getByTestId('version-row')).toHaveCount(2);
  expect(await view.getByTestId('version-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-version')))).toEqual(['5.4.0', '5.3.1']);
  await screenshots(page, 'museum-chart');

  // Open a version: verified against the index ChartMuseum generated; README rendered.
  await view.getByRole('button', { name: 'Open version 5.3.1' }).click();
  await expect(page.getByTestId('digest-status')).toHaveAttribute('data-verified', 'true');
  await expect(page.getByTestId('readme')).toContainText('Grafana');
  await page.getByTestId('back-to-chart').click();

  // Compare values of the two versions (the pickers default to the previous and the newest).
  await expect(view.getByTestId('compare-from')).toHaveValue('5.3.1');
  await expect(view.getByTestId('compare-to')).toHaveValue('5.4.0');
  await view.getByTestId('compare-go').click();
  const diff = page.getByTestId('diff-view');
  await expect(diff.getByTestId('diff-stats')).toHaveText('+2 −1');
  await expect(diff.locator('td.diff-removed.diff-text')).toHaveText(['−replicas: 1']);
  await expect(diff.locator('td.diff-added.diff-text')).toHaveText(['+replicas: 3', '+revisionHistoryLimit: 5']);
  await screenshots(page, 'diff-split');
  await diff.getByRole('radio', { name: 'Unified' }).click();
  await expect(diff.getByTestId('diff-unified')).toContainText('+revisionHistoryLimit: 5');
  await screenshots(page, 'diff-unified');
  await diff.getByRole('button', { name: '← grafana' }).click();

  // The same version again: ChartMuseum answers 409 and ChartDesk asks before overwriting.
  await page.getByTestId('push-file-input').setInputFiles(path.join(folder, 'grafana-5.4.0.tgz'));
  const conflict = page.getByTestId('push-conflict');
  await expect(conflict.getByRole('heading', { name: 'Overwrite?' })).toBeVisible();
  await screenshots(page, 'push-conflict');
  await conflict.getByTestId('push-overwrite').click();
  await expect(page.getByTestId('toasts')).toContainText('Overwrote grafana 5.4.0');

  // Delete 5.4.0 after confirming; the index no longer lists it.
  await page.getByRole('button', { name: 'Delete version 5.4.0' }).click();
  const dialog = page.getByTestId('delete-dialog');
  await expect(dialog).toContainText('grafana-5.4.0.tgz');
  await screenshots(page, 'delete-confirm');
  await dialog.getByRole('button', { name: 'Delete version' }).click();
  await expect(page.getByTestId('toasts')).toContainText('Deleted grafana 5.4.0');
  await expect(page.getByTestId('chart-view').getByTestId('version-row')).toHaveCount(1);
  await expect(page.getByTestId('chart-view').getByTestId('version-row')).toHaveAttribute('data-version', '5.3.1');
});
