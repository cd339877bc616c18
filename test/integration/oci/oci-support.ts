/** Helpers for the OCI tests: raw registry reads with a sandbox token, test charts, and failures as values. */
import { execFile } from 'node:child_process';
import { OCI_SERVICE } from '../../sandbox/oci-registry';
import { chartYaml, tgzOf } from '../../unit/charts/tar-builder';

/** A rejected promise's error (with kind and hint), or undefined when it resolved. */
export const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => e as Error & { kind: string; hint?: string; step: string });

/** A dialect-B token from the sandbox token server for `scopes` (as `user` when given). */
export async function sandboxToken(tokenUrl: string, scopes: string[], user?: { name: string; password: string }): Promise<string> {
  const query = new URLSearchParams({ service: OCI_SERVICE });
  for (const scope of scopes) query.append('scope', scope);
  const headers: Record<string, string> = user ? { Authorization: `Basic ${Buffer.from(`${user.name}:${user.password}`).toString('base64')}` } : {};
  const res = await fetch(`${tokenUrl}?${query}`, { headers });
  if (res.status !== 200) throw new Error(`token server said ${res.status}`);
  return ((await res.json()) as { token: string }).token;
}

/** A small chart package with the given name and version (and a README and values). */
export function testChart(name: string, version: string, extra = ''): Buffer {
  return tgzOf([
    { name: `${name}/Chart.yaml`, data: `${chartYaml(name, version)}appVersion: "9.9"\nkeywords:\n  - test\n${extra}` },
    { name: `${name}/values.yaml`, data: 'replicas: 1\n' },
    { name: `${name}/README.md`, data: `# ${name}\n` },
  ]);
}

/** Runs a program (no shell) and resolves with its exit code and output. */
export function run(program: string, args: string[], options: { env?: NodeJS.ProcessEnv; stdin?: string } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(program, args, { env: options.env ?? process.env, timeout: 60_000, maxBuffer: 8 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
    // A program that exits without reading its input (a helper refusing a request) closes the pipe
    // first: the exit code and output say what happened, so the EPIPE on our write is not a failure.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(options.stdin ?? '');
  });
}
