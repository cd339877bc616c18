/** Starts Docker distribution without auth (deletes on or off) or with an htpasswd file made by htpasswd(1) (bcrypt), for the OCI tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startRegistry, type RunningRegistry } from '../../sandbox/registry-process';
import { run } from './oci-support';

/** A registry without auth. */
export function openRegistry(deletes = true): Promise<RunningRegistry> {
  return startRegistry({ auth: { kind: 'none' }, deletes });
}

/** A registry with htpasswd Basic auth for `users` (name → password). */
export async function basicRegistry(users: Record<string, string>): Promise<RunningRegistry> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-htpasswd-'));
  const file = path.join(dir, 'htpasswd');
  let first = true;
  for (const [name, password] of Object.entries(users)) {
    // -B: bcrypt, the only hash Docker distribution accepts; -b: password from the argument (test data only).
    const made = await run('htpasswd', [first ? '-Bbc' : '-Bb', file, name, password]);
    if (made.code !== 0) throw new Error(`htpasswd failed: ${made.stderr}`);
    first = false;
  }
  const registry = await startRegistry({ auth: { kind: 'htpasswd', path: file } });
  return { ...registry, close: async () => { await registry.close(); rmSync(dir, { recursive: true, force: true }); } };
}
