/**
 * "Use ChartDesk's keychain for helm and docker" as a user meets it: a registry's helm commands say
 * which Helm they are for, Use ChartDesk points Docker's config at the helper, Install launcher puts
 * docker-credential-chartdesk on disk, the launcher hands the stored login to a tool, Undo puts the
 * file back. The app runs with a HOME of its own, so no real config file is touched.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../integration/oci/oci-support';
import { test as base, expect, startWebApp, stopWebApp, type WebApp } from './fixtures';
import { addRepoViaApi } from './support/charts-fixtures';
import { shoot } from './support/repo-ui';

const SECRET = 'helper-e2e-pw-51ab';

const test = base.extend<{ helperApp: { app: WebApp; home: string } }>({
  helperApp: async ({}, use) => {
    const home = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-e2e-helper-'));
    mkdirSync(path.join(home, 'run'));
    const app = await startWebApp({ HOME: home, DOCKER_CONFIG: path.join(home, '.docker'), HELM_REGISTRY_CONFIG: path.join(home, 'helm', 'config.json'), XDG_RUNTIME_DIR: path.join(home, 'run') });
    await use({ app, home });
    stopWebApp(app);
    rmSync(home, { recursive: true, force: true });
  },
});

test.use({ viewport: { width: 1440, height: 900 } });

test('a registry’s helm commands point Docker at ChartDesk’s keychain, install the launcher that hands out the login, and undo', async ({ page, helperApp }) => {
  const { app, home } = helperApp;
  const docker = path.join(home, '.docker', 'config.json');
  mkdirSync(path.dirname(docker));
  writeFileSync(docker, JSON.stringify({ auths: { 'ghcr.io': {} }, credHelpers: { 'registry.example.com': 'secretservice' } }));
  await page.goto(app.url);
  await addRepoViaApi(page, { name: 'team', url: 'oci://registry.example.com/team', auth: { mode: 'basic', username: 'alice' }, secret: SECRET });
  await page.getByTestId('repo-item').first().click();
  await page.getByRole('button', { name: 'Helm commands…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Use team with helm' });
  await expect(dialog.getByTestId('export-helm')).toHaveText('For Helm 3.8 or later, and Helm 4.');
  await expect(dialog).toContainText('helm registry login registry.example.com --username alice --password-stdin');

  const panel = dialog.getByTestId('credential-helper');
  await expect(panel.getByRole('heading', { name: 'Use ChartDesk’s keychain for helm and docker' })).toBeVisible();
  const dockerRow = panel.locator('[data-testid="helper-file"][data-format="docker"]');
  await expect(dockerRow).toContainText(docker);
  await expect(panel.locator('[data-testid="helper-file"]')).toHaveCount(3);
  await dockerRow.getByRole('button', { name: `Use ChartDesk in ${docker}` }).click();
  await expect(panel.getByTestId('helper-message')).toContainText(`${docker} now sends registry.example.com to ChartDesk’s keychain (docker-credential-chartdesk). It used docker-credential-secretservice before; Undo puts that back.`);
  expect(JSON.parse(readFileSync(docker, 'utf8'))).toEqual({ auths: { 'ghcr.io': {} }, credHelpers: { 'registry.example.com': 'chartdesk' } });
  await expect(dockerRow).toHaveAttribute('data-uses', 'true');

  const launcherDir = path.join(home, '.local', 'bin');
  await panel.getByRole('button', { name: `Install launcher in ${launcherDir}` }).click();
  await expect(panel.getByTestId('helper-message')).toContainText(`Installed ${path.join(launcherDir, 'docker-credential-chartdesk')}. ${launcherDir} is not on your PATH`);
  await expect(panel.getByTestId('helper-launcher')).toContainText(`The launcher is in ${launcherDir}, which is not on your PATH`);
  await shoot(page, 'credential-helper');
  // What a tool would do: run the helper it found, with the registry host on stdin.
  const got = await run(path.join(launcherDir, 'docker-credential-chartdesk'), ['get'], { stdin: 'registry.example.com', env: { ...process.env, HOME: home } });
  expect(got.code, got.stdout).toBe(0);
  expect(JSON.parse(got.stdout)).toEqual({ ServerURL: 'registry.example.com', Username: 'alice', Secret: SECRET });
  await expect(dialog).not.toContainText(SECRET);

  await dockerRow.getByRole('button', { name: /^Undo/ }).click();
  await expect(panel.getByTestId('helper-message')).toContainText('no longer sends registry.example.com to ChartDesk (back to docker-credential-secretservice).');
  expect(JSON.parse(readFileSync(docker, 'utf8'))).toEqual({ auths: { 'ghcr.io': {} }, credHelpers: { 'registry.example.com': 'secretservice' } });
});

test('an index.yaml repo’s helm commands say which Helm they are for and offer no credential helper', async ({ page, helperApp }) => {
  await page.goto(helperApp.app.url);
  await addRepoViaApi(page, { name: 'tokened', url: 'https://charts.example.com/org1/repo1', auth: { mode: 'token-server' }, secret: 'X-KEY-1' });
  await page.getByTestId('repo-item').first().click();
  await page.getByRole('button', { name: 'Helm commands…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Use tokened with helm' });
  await expect(dialog.getByTestId('export-helm')).toHaveText('For Helm 3 and Helm 4.');
  await expect(dialog).toContainText('Helm 4: helm plugin install https://github.com/chartmuseum/helm-push --verify=false');
  await expect(dialog.getByTestId('credential-helper')).toHaveCount(0);
});
