/** Runs Debian's Docker distribution 2.8 (`/usr/bin/docker-registry`) in a temp dir: token auth, htpasswd Basic, or no auth. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The registry binary; CI installs it with `apt-get install docker-registry`. */
export const REGISTRY_BINARY = process.env.CHARTDESK_DOCKER_REGISTRY ?? '/usr/bin/docker-registry';

/** How the registry trusts tokens (its `auth.token` section). */
export interface RegistryAuth {
  realm: string;
  service: string;
  issuer: string;
  rootCertBundle: string;
}

/** How the registry authenticates: tokens from a token server, an htpasswd file (bcrypt), or not at all. */
export type RegistryAuthConfig = ({ kind: 'token' } & RegistryAuth) | { kind: 'htpasswd'; path: string } | { kind: 'none' };

/** What to start. */
export interface RegistryOptions {
  auth: RegistryAuthConfig;
  /** storage.delete.enabled (default true). */
  deletes?: boolean;
  /** Listen on this port (default: a free one). */
  port?: number;
  /** Keep the data in this folder (default: a temp folder removed on close). */
  dataDir?: string;
}

/** A running registry. */
export interface RunningRegistry {
  url: string;
  /** The registry's own log so far (for failure messages). */
  log(): string;
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function authYaml(auth: RegistryAuthConfig): string[] {
  if (auth.kind === 'none') return [];
  if (auth.kind === 'htpasswd') return ['auth:', '  htpasswd:', '    realm: chartdesk-test', `    path: ${JSON.stringify(auth.path)}`];
  return [
    'auth:',
    '  token:',
    `    realm: ${JSON.stringify(auth.realm)}`,
    `    service: ${JSON.stringify(auth.service)}`,
    `    issuer: ${JSON.stringify(auth.issuer)}`,
    `    rootcertbundle: ${JSON.stringify(auth.rootCertBundle)}`,
  ];
}

function configYaml(dataDir: string, port: number, options: RegistryOptions): string {
  return [
    'version: 0.1',
    'log:',
    '  level: warn',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${JSON.stringify(dataDir)}`,
    '  delete:',
    `    enabled: ${options.deletes ?? true}`,
    '  maintenance:',
    '    uploadpurging:',
    '      enabled: false',
    'http:',
    `  addr: 127.0.0.1:${port}`,
    '  secret: chartdesk-test-only',
    ...authYaml(options.auth),
    '',
  ].join('\n');
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const killer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(killer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function waitReady(url: string, child: ChildProcess, log: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited with code ${child.exitCode} before it was ready:\n${log()}`);
    const status = await fetch(`${url}/v2/`, { signal: AbortSignal.timeout(1_000) }).then((r) => r.status, () => 0);
    if (status === 401 || status === 200) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`docker-registry did not answer /v2/ within ${timeoutMs} ms:\n${log()}`);
}

/** Starts the registry on a loopback port and waits until /v2/ answers (200, or its 401 challenge). Token auth when given a RegistryAuth. */
export async function startRegistry(config: RegistryAuth | RegistryOptions): Promise<RunningRegistry> {
  const options: RegistryOptions = 'auth' in config ? config : { auth: { kind: 'token', ...config } };
  if (!existsSync(REGISTRY_BINARY)) {
    throw new Error(`${REGISTRY_BINARY} is missing: install Docker distribution with "apt-get install docker-registry" (Debian) to run this test.`);
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-registry-'));
  const port = options.port ?? (await freePort());
  const configFile = path.join(dir, 'config.yml');
  writeFileSync(configFile, configYaml(options.dataDir ?? path.join(dir, 'data'), port, options));
  const child = spawn(REGISTRY_BINARY, ['serve', configFile], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const url = `http://127.0.0.1:${port}`;
  const close = async () => {
    await stop(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitReady(url, child, () => output, 15_000);
  } catch (error) {
    await close();
    throw error;
  }
  return { url, log: () => output, close };
}
