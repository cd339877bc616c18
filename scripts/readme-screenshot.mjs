// Takes docs/screenshot.png for the README: the browser mode with the sandbox repo and a large real
// index (grafana.yaml from ../shared/data, served on loopback). Run after `npm run build`, inside a
// keyring session (as `npm test` does) so the keychain shows as available.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(root, '..', 'shared', 'data');

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

const index = readFileSync(path.join(shared, 'index', 'grafana.yaml'));
const statik = http.createServer((req, res) => {
  if (req.url === '/index.yaml') res.writeHead(200, { 'Content-Type': 'application/x-yaml' }).end(index);
  else res.writeHead(404).end();
});
await new Promise((resolve) => statik.listen(0, '127.0.0.1', resolve));

const home = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-shot-'));
const sandbox = await startProcess([path.join(root, 'dist', 'sandbox.cjs'), '--repo-port', '0', '--token-port', '0'], {}, /repo server\s+(http:\/\/\S+)[\s\S]*key (\S+)\)/);
const web = await startProcess([path.join(root, 'dist', 'web.cjs'), '--no-open'], { CHARTDESK_HOME: home }, /^(http:\/\/127\.0\.0\.1:\S+)$/m);

const browser = await chromium.launch({
  executablePath: process.env.CHARTDESK_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1360, height: 820 }, deviceScaleFactor: 1 });
  await page.goto(web.match[1]);
  const call = (name, body) =>
    page.evaluate(async ([n, b]) => (await (await fetch(`./api/${n}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(b) })).json()), [name, body]);
  await call('addRepo', { name: 'grafana', url: `http://127.0.0.1:${statik.address().port}`, auth: { mode: 'none' } });
  await call('addRepo', { name: 'sandbox org1/repo1', url: `${sandbox.match[1]}/org1/repo1`, auth: { mode: 'token-server' }, secret: sandbox.match[2] });
  await page.reload();
  await page.getByText('grafana', { exact: true }).first().click();
  await page.getByTestId('charts-tab').waitFor();
  await page.getByLabel('Search charts').fill('loki');
  await page.waitForTimeout(800);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: path.join(root, 'docs', 'screenshot.png') });
} finally {
  await browser.close();
  sandbox.child.kill();
  web.child.kill();
  statik.close();
}
