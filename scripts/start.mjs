// `npm start` (after the build): starts the Electron app, or the browser mode when Electron cannot
// run here, with one paragraph that says why.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const passthrough = process.argv.slice(2);

/**
 * The Electron binary's path, or the reason there is none. Reads what the electron package
 * recorded at install time instead of requiring it: its require() would try to download.
 */
function findElectron() {
  const pkg = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return { reason: 'the Electron binary was never downloaded (node_modules/electron has no path.txt)' };
  const relative = readFileSync(pathFile, 'utf8').trim();
  const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative)
    : path.join(pkg, 'dist', relative);
  return existsSync(binary) ? { binary } : { reason: `the Electron binary ${binary} is missing` };
}

function startBrowserMode(reason) {
  process.stderr.write(
    `\nChartDesk could not start its desktop window: ${reason}. The Electron binary is downloaded from GitHub ` +
      'when `npm install` runs; on machines that cannot reach GitHub (or have no display or the libraries Electron needs) it is missing ' +
      'or cannot start. ChartDesk therefore starts in browser mode instead: the same app, served on 127.0.0.1 only, ' +
      'behind a one-time token. Open the URL below in any browser. (`npm run web` starts browser mode on purpose.)\n\n',
  );
  const child = spawn(process.execPath, [path.join(root, 'dist', 'web.cjs'), ...passthrough], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}

const electron = findElectron();
if (!electron.binary) {
  startBrowserMode(electron.reason);
} else {
  let settled = false;
  let stderr = '';
  const child = spawn(electron.binary, [root, ...passthrough], { stdio: ['ignore', 'inherit', 'pipe'] });
  child.stderr.on('data', (chunk) => {
    // Only the start-up output is kept (to explain a failed start), and only its beginning.
    if (!settled && stderr.length < 64 * 1024) stderr += chunk;
    process.stderr.write(chunk);
  });
  // An Electron that dies within seconds (no display, missing shared libraries) did not start.
  const grace = setTimeout(() => (settled = true), 5000);
  child.on('error', (error) => {
    clearTimeout(grace);
    if (!settled) startBrowserMode(`Electron failed to launch (${error.message})`);
  });
  child.on('exit', (code, signal) => {
    clearTimeout(grace);
    if (!settled && code !== 0) {
      const firstLine = stderr.split('\n').find((l) => l.trim()) ?? `exit code ${code ?? signal}`;
      startBrowserMode(`Electron exited at start-up (${firstLine.trim()})`);
    } else process.exit(code ?? 0);
  });
}
