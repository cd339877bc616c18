// Takes the README's screenshots: docs/screenshot.png (the hero: a large real index searched) and,
// in the light and the dark theme, docs/screens/*.png of charts with a version open, the connect
// trace, the token view, the add dialog with a detected token server and an OCI chart's layers.
// Everything runs on loopback: the sandbox with its OCI registry (dist/sandbox.cjs --oci), a static
// server for real indexes and a package from ../shared/data, and the browser mode. Run after
// `npm run build`; it re-runs itself in a private D-Bus session with an unlocked GNOME Keyring
// (as `npm test` does) so the keychain shows as available.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '..', 'shared', 'data');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-shot-'));

const have = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
if (!process.env.CHARTDESK_SHOT_KEYRING && have('dbus-run-session') && have('gnome-keyring-daemon')) {
  const script = `printf %s chartdesk-shot | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec '${process.execPath}' '${fileURLToPath(import.meta.url)}'`;
  const result = spawnSync('dbus-run-session', ['--', 'sh', '-c', script], { stdio: 'inherit', env: { ...process.env, CHARTDESK_SHOT_KEYRING: '1', XDG_DATA_HOME: path.join(tmp, 'data') } });
  rmSync(tmp, { recursive: true, force: true });
  process.exit(result.status ?? 1);
}
const { chromium } = await import('playwright');

function startProcess(args, env, pattern) {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(pattern);
      if (match) resolve({ child, match });
    });
    child.on('exit', (code) => reject(new Error(`${args[0]} exited with ${code}: ${out}`)));
  });
}

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// Real indexes (and Cilium's real package, beside its index as its relative URL says) on loopback.
const files = {
  '/grafana/index.yaml': path.join(shared, 'index', 'grafana.yaml'),
  '/cilium/index.yaml': path.join(shared, 'index', 'cilium.yaml'),
  '/cilium/cilium-1.16.0.tgz': path.join(shared, 'charts', 'cilium-1.16.0.tgz'),
};
const statik = http.createServer((req, res) => {
  const file = files[new URL(req.url, 'http://x').pathname];
  if (!file) return res.writeHead(404).end();
  res.writeHead(200, { 'Content-Type': file.endsWith('.tgz') ? 'application/gzip' : 'application/x-yaml' }).end(readFileSync(file));
});
await new Promise((resolve) => statik.listen(0, '127.0.0.1', resolve));
const statikUrl = `http://127.0.0.1:${statik.address().port}`;

const sandboxArgs = [path.join(root, 'dist', 'sandbox.cjs'), '--repo-port', '0', '--token-port', '0', '--oci-port', String(await freePort()), '--oci'];
const sandbox = await startProcess(sandboxArgs, {}, /repo server\s+(http:\/\/\S+)[\s\S]*key (\S+)\)[\s\S]*OCI registry http:\/\/127\.0\.0\.1:(\d+)/);
const [, repoUrl, masterKey, registryPort] = sandbox.match;
const web = await startProcess([path.join(root, 'dist', 'web.cjs'), '--no-open'], { CHARTDESK_HOME: path.join(tmp, 'home') }, /^(http:\/\/127\.0\.0\.1:\S+)$/m);

const docs = path.join(root, 'docs');
mkdirSync(path.join(docs, 'screens'), { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHARTDESK_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 820 }, deviceScaleFactor: 1 });
  await page.goto(web.match[1]);
  const call = async (name, body) => {
    const answer = await page.evaluate(async ([n, b]) => (await (await fetch(`./api/${n}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(b) })).json()), [name, body]);
    if (!answer.ok) throw new Error(`${name}: ${answer.error.message}`);
    return answer.value;
  };
  const ids = {
    grafana: (await call('addRepo', { name: 'grafana', url: `${statikUrl}/grafana`, auth: { mode: 'none' } })).id,
    sandbox: (await call('addRepo', { name: 'sandbox org1/repo1', url: `${repoUrl}/org1/repo1`, auth: { mode: 'token-server' }, secret: masterKey })).id,
    cilium: (await call('addRepo', { name: 'cilium', url: `${statikUrl}/cilium`, auth: { mode: 'none' } })).id,
    registry: (await call('addRepo', { name: 'registry', url: `oci://localhost:${registryPort}/charts`, auth: { mode: 'none' } })).id,
  };
  await page.reload();
  const selectRepo = async (id) => {
    await page.locator(`[data-testid="repo-item"][data-repo-id="${id}"] .repo-item-main`).click();
    await page.getByTestId('repo-workspace').waitFor();
  };
  /** Saves docs/screens/<name>-light.png and -dark.png of the page as it is. */
  const shoot = async (name) => {
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await page.waitForTimeout(300);
      await page.screenshot({ path: path.join(docs, 'screens', `${name}-${scheme}.png`) });
    }
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
  };

  // The hero (light, as before): Grafana's real index, searched.
  await selectRepo(ids.grafana);
  await page.getByTestId('charts-tab').waitFor();
  await page.getByLabel('Search charts').fill('loki');
  await page.waitForTimeout(800);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: path.join(docs, 'screenshot.png') });

  await page.setViewportSize({ width: 1360, height: 860 });
  // Charts with a version open: Cilium 1.16.0, verified against the index digest, its README rendered.
  await selectRepo(ids.cilium);
  await page.getByTestId('chart-list').locator('[data-chart="cilium"]').click();
  await page.getByTestId('chart-view').getByRole('button', { name: /^Show all/ }).click();
  await page.getByTestId('chart-view').getByRole('button', { name: 'Open version 1.16.0', exact: true }).click();
  await page.getByTestId('version-view').getByTestId('readme').waitFor();
  await shoot('charts-version');

  // The connect trace and the token view of the sandbox's ChartMuseum.
  await selectRepo(ids.sandbox);
  await page.getByRole('tab', { name: 'Connection' }).click();
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await page.locator('[data-testid="flow-outcome"][data-ok="true"]').waitFor();
  await shoot('connect-trace');
  await page.getByRole('tab', { name: 'Token' }).click();
  await page.getByTestId('access-table').waitFor();
  await shoot('token-view');

  // The add dialog with a detected token server.
  await page.getByRole('button', { name: '+ Add' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a repository' });
  await dialog.getByLabel('URL').fill(`${repoUrl}/org2/repo2`);
  await dialog.locator('[data-testid="url-detection"][data-status="ready"]').waitFor();
  await shoot('add-detected');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // OCI layers: the Manifest tab of grafana 5.3.1 in the sandbox registry.
  await selectRepo(ids.registry);
  await page.getByTestId('chart-list').locator('[data-chart="grafana"]').click();
  await page.getByTestId('chart-view').getByRole('button', { name: 'Open version 5.3.1', exact: true }).click();
  await page.getByRole('tab', { name: 'Manifest' }).click();
  await page.getByTestId('manifest-layers').waitFor();
  await shoot('oci-layers');
} finally {
  await browser.close();
  sandbox.child.kill();
  web.child.kill();
  statik.close();
  rmSync(tmp, { recursive: true, force: true });
}
