import { execFileSync } from 'node:child_process';

/** Builds the Node bundles (CLI, workers, sandbox) once, so tests run what users run. */
export default function setup(): void {
  execFileSync(process.execPath, ['scripts/build-node.mjs'], { stdio: 'inherit' });
}
