// `npm test`: builds, then runs the unit/integration suite (vitest) and the browser suite
// (Playwright + Debian's Chromium) inside a private D-Bus session with an unlocked
// gnome-keyring, so keychain tests talk to a real Secret Service. Prints one closing line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const inner = process.argv.includes('--inner');
const passthrough = process.argv.slice(2).filter((a) => a !== '--inner');

function have(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

if (!inner && !process.env.CHARTDESK_TEST_KEYRING_READY) {
  if (have('dbus-run-session') && have('gnome-keyring-daemon')) {
    // A throwaway keyring: its password is known only to this run.
    const script = `printf %s chartdesk-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec node scripts/test.mjs --inner ${passthrough.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ')}`;
    const home = path.join(root, '.tmp', 'test-home');
    const result = spawnSync('dbus-run-session', ['--', 'sh', '-c', script], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, CHARTDESK_TEST_KEYRING_READY: '1', XDG_DATA_HOME: path.join(home, 'data') },
    });
    process.exit(result.status ?? 1);
  }
  console.warn('test: dbus-run-session or gnome-keyring-daemon is missing (apt-get install dbus gnome-keyring libsecret-tools); keychain tests will report the keychain as missing.');
}

const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env }).status ?? 1;
const npx = (args) => run(process.execPath, [path.join(root, 'node_modules', '.bin', args[0]), ...args.slice(1)]);

if (run('npm', ['run', 'build', '--silent']) !== 0) process.exit(1);
// `npm test -- <vitest filters>` runs just those unit tests (still inside the keyring session).
if (passthrough.length > 0) process.exit(npx(['vitest', 'run', ...passthrough]));

// Each runner also writes a JSON report, so one closing line can count every test.
const reports = path.join(root, '.tmp', 'reports');
mkdirSync(reports, { recursive: true });
const unitReport = path.join(reports, 'vitest.json');
const browserReport = path.join(reports, 'playwright.json');
rmSync(unitReport, { force: true });
rmSync(browserReport, { force: true });
const unit = npx(['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitReport}`]);
const hasChromium = existsSync(process.env.CHARTDESK_CHROMIUM ?? '/usr/bin/chromium');
if (!hasChromium) console.error('test: Chromium is missing (apt-get install chromium); the browser suite cannot run.');
process.env.CHARTDESK_PW_JSON = browserReport;
const browser = hasChromium ? npx(['playwright', 'test']) : 1;

/** Reads a runner's JSON report; undefined when it wrote none. */
function readReport(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}
const v = readReport(unitReport);
const p = readReport(browserReport)?.stats;
const passed = (v?.numPassedTests ?? 0) + (p?.expected ?? 0) + (p?.flaky ?? 0);
const failedCount = (v?.numFailedTests ?? 0) + (p?.unexpected ?? 0) + (unit && !v ? 1 : 0) + (browser && !p ? 1 : 0);
const skipped = (v?.numPendingTests ?? 0) + (v?.numTodoTests ?? 0) + (p?.skipped ?? 0);
const failedSuites = [unit ? 'unit' : '', browser ? 'browser' : ''].filter(Boolean);
if (failedSuites.length) console.log(`test: FAILED suites: ${failedSuites.join(', ')}`);
console.log(`test: ${passed} passed, ${failedCount} failed, ${skipped} skipped`);
process.exit(failedSuites.length ? 1 : 0);
