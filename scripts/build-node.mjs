// Bundles the Node-side entry points (Electron main and preload, browser mode, CLI, workers,
// sandbox, benchmark) into dist/ with esbuild. Entries whose source is absent are skipped.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));

/** [source, output name, bundle node_modules too?] */
const entries = [
  ['electron/main/index.ts', 'main', 'electron'],
  ['electron/preload.ts', 'preload', 'preload'],
  ['electron/web/main.ts', 'web', 'node'],
  ['electron/cli/main.ts', 'cli', 'node'],
  ['electron/cli/credential-helper-main.ts', 'credential-helper', 'node'],
  ['electron/core/index/parse-worker.ts', 'index-worker', 'self-contained'],
  ['test/sandbox/main.ts', 'sandbox', 'node'],
  ['bench/main.ts', 'bench', 'node'],
];

/**
 * What each kind of bundle leaves out. The sandboxed preload may require only 'electron'. The
 * Electron main process and the worker it starts carry their dependencies (the packaged app ships
 * no loose sources), except the native keyring addon. The CLI, browser mode, sandbox and bench
 * load npm dependencies from node_modules at run time.
 */
function externalsFor(kind) {
  if (kind === 'preload') return { external: ['electron'], minify: true };
  // openpgp's ES build calls createRequire(import.meta.url), which a CommonJS bundle cannot: bundle its CommonJS build.
  if (kind === 'electron') return { external: ['electron', '@napi-rs/keyring'], alias: { openpgp: path.join(root, 'node_modules', 'openpgp', 'dist', 'node', 'openpgp.min.cjs') } };
  if (kind === 'self-contained') return {};
  return { packages: 'external', external: ['electron'] };
}

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  define: { __CHARTDESK_VERSION__: JSON.stringify(version) },
};

await Promise.all(
  entries
    .filter(([source]) => existsSync(path.join(root, source)))
    .map(([source, name, kind]) =>
      build({
        ...common,
        entryPoints: [path.join(root, source)],
        outfile: path.join(root, 'dist', `${name}.cjs`),
        ...externalsFor(kind),
      }),
    ),
);

/**
 * On install (`prepare`) under Node older than 22.12, say why npm printed EBADENGINE warnings just
 * before: they are about Electron's packaging tooling only, so they do not read as a broken install.
 * npm's own errors (`npm error …`) are untouched and still fail the install.
 */
const [major, minor] = process.versions.node.split('.').map(Number);
if (process.env.npm_lifecycle_event === 'prepare' && (major < 22 || (major === 22 && minor < 12))) {
  console.log(
    `chartdesk: note: npm's EBADENGINE warnings above are expected on Node ${process.versions.node}. They come from Electron 45's\n` +
      'packaging tooling (electron, @electron/get, @electron/rebuild), which wants Node 22.12+ for `npm run package` only.\n' +
      'The app, the browser mode, the CLI and the tests run on Node 20.11+: nothing they need is missing.',
  );
}

