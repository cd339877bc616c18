/** Finds ../shared/data (the real keys and charts) beside the project, wherever the sandbox runs from. */
import { existsSync } from 'node:fs';
import path from 'node:path';

const MARKER = path.join('auth', 'chartmuseum-example-server.key');

/**
 * The shared data directory: $CHARTDESK_SHARED_DATA, else the first `<dir>/../shared/data` found
 * walking up from each start directory (the working directory by default).
 */
export function findSharedData(starts: string[] = [process.cwd()]): string {
  const fromEnv = process.env.CHARTDESK_SHARED_DATA;
  if (fromEnv && existsSync(path.join(fromEnv, MARKER))) return path.resolve(fromEnv);
  for (const start of starts) {
    let dir = path.resolve(start);
    for (;;) {
      const candidate = path.join(dir, '..', 'shared', 'data');
      if (existsSync(path.join(candidate, MARKER))) return path.resolve(candidate);
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
  throw new Error(`Cannot find ../shared/data (looked upwards from ${starts.join(', ')}); set CHARTDESK_SHARED_DATA.`);
}
