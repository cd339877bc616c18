/** Compressed index downloads (offline copy and ETag/304 included) and chart packages that stay gzip files, over loopback. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFlowClient, type FlowClient, type FlowRepo } from '../../../electron/core/auth/flow';
import { DEFAULT_ARCHIVE_LIMITS } from '../../../electron/core/charts/archive-limits';
import { createPackageCache } from '../../../electron/core/charts/package-cache';
import { createPackageFetcher } from '../../../electron/core/charts/package-fetch';
import { createIndexFetcher } from '../../../electron/core/index/fetch-index';
import { createOfflineIndexStore } from '../../../electron/core/index/offline-store';
import { SHARED_DATA } from '../../support/paths';
import { startStaticRepo, type StaticCompression, type StaticRepo } from './static-repo';

const cilium = readFileSync(path.join(SHARED_DATA, 'index', 'cilium.yaml'));
const loki = readFileSync(path.join(SHARED_DATA, 'charts', 'loki-2.0.1.tgz'));
const lokiDigest = createHash('sha256').update(loki).digest('hex');

let servers: StaticRepo[] = [];
let dataDir: string;
let flow: FlowClient;
let clock: number;

const repoAt = (origin: string): FlowRepo => ({ url: `${origin}/charts`, auth: { mode: 'none', dialect: 'auto' }, tls: { insecureSkipVerify: false }, passCredentialsAll: false });
const fetcher = () => createIndexFetcher({ flow, offline: createOfflineIndexStore(path.join(dataDir, 'index-offline')), now: () => clock });
const packages = () => createPackageFetcher({ flow, cache: createPackageCache({ dir: path.join(dataDir, 'chart-cache'), onWriteError: () => undefined }), limits: DEFAULT_ARCHIVE_LIMITS });
const request = (repo: FlowRepo) => ({ key: 'repo-1', repo, credentials: async () => ({}) });

async function serve(compression?: StaticCompression): Promise<StaticRepo> {
  const server = await startStaticRepo(compression ? { compression } : {});
  server.put('/charts/index.yaml', cilium, 'application/x-yaml');
  servers.push(server);
  return server;
}

beforeEach(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'chartdesk-compressed-'));
  flow = createFlowClient({ userAgent: 'ChartDesk-test', env: {} });
  clock = Date.UTC(2025, 5, 1, 12);
});
afterEach(async () => {
  await flow.close();
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
  rmSync(dataDir, { recursive: true, force: true });
});

describe('index downloads', () => {
  it.each(['gzip', 'br', 'deflate'] as const)('asks for compression, gets %s, and keeps the decoded index as the offline copy', async (coding) => {
    const server = await serve({ coding });
    const result = await fetcher().fetch(request(repoAt(server.origin)));
    expect(server.requests[0]?.headers['accept-encoding']).toMatch(/gzip, deflate, br/);
    expect(result.source).toBe('network');
    expect(result.bytes.equals(cilium)).toBe(true);
    await result.keep();
    const copy = await createOfflineIndexStore(path.join(dataDir, 'index-offline')).read('repo-1');
    expect(copy?.bytes.equals(cilium)).toBe(true);
  });

  it('revalidates with the weak ETag of a compressed answer and reuses the copy on 304', async () => {
    const server = await serve({ coding: 'gzip' });
    await (await fetcher().fetch(request(repoAt(server.origin)))).keep();
    clock += 60_000;
    const again = await fetcher().fetch(request(repoAt(server.origin)));
    expect(server.requests[1]?.headers['if-none-match']).toMatch(/^W\/"[0-9a-f]+"$/);
    expect(server.requests[1]?.status).toBe(304);
    expect(again.source).toBe('not-modified');
    expect(again.bytes.equals(cilium)).toBe(true);
  });

  it('falls back to the offline copy when the compressing server goes away', async () => {
    const server = await serve({ coding: 'gzip', unasked: true });
    await (await fetcher().fetch(request(repoAt(server.origin)))).keep();
    server.failWith(503);
    const offline = await fetcher().fetch(request(repoAt(server.origin)));
    expect(offline.source).toBe('offline');
    expect(offline.bytes.equals(cilium)).toBe(true);
  });
});

describe('chart packages stay gzip files', () => {
  const putIndex = (server: StaticRepo, digest: string | undefined) =>
    server.put('/charts/index.yaml', `apiVersion: v1\nentries:\n  loki:\n  - name: loki\n    version: 2.0.1\n    urls: [loki-2.0.1.tgz]\n${digest ? `    digest: ${digest}\n` : ''}`, 'application/x-yaml');
  const fetchLoki = (server: StaticRepo, digest?: string) =>
    packages().fetch({ repo: repoAt(server.origin), credentials: async () => ({}), url: `${server.origin}/charts/loki-2.0.1.tgz`, label: 'loki 2.0.1', ...(digest ? { digest } : {}) });

  it('asks for the package as stored and never gunzips it for being application/gzip', async () => {
    const server = await serve({ coding: 'gzip', unasked: true });
    server.put('/charts/loki-2.0.1.tgz', loki, 'application/gzip');
    const pkg = await fetchLoki(server, lokiDigest);
    expect(server.requests.at(-1)?.headers['accept-encoding']).toBe('identity');
    expect(pkg.bytes.equals(loki)).toBe(true);
    expect(pkg.verified).toBe(true);
  });

  it('decodes a real Content-Encoding on top of the package, and checks the digest on the package bytes', async () => {
    const server = await serve();
    server.put('/charts/loki-2.0.1.tgz', zlib.gzipSync(loki), 'application/gzip', { 'content-encoding': 'gzip' });
    const pkg = await fetchLoki(server, lokiDigest);
    expect(pkg.bytes.equals(loki)).toBe(true);
    expect(pkg.verified).toBe(true);
  });

  it.each([
    ['with a digest', lokiDigest],
    ['without a digest', undefined],
  ])('takes a plain .tgz that a server labels gzip-encoded (S3 metadata) as the package, %s', async (_label, digest) => {
    const server = await serve();
    putIndex(server, digest);
    server.put('/charts/loki-2.0.1.tgz', loki, 'application/x-tar', { 'content-encoding': 'gzip' });
    const pkg = await fetchLoki(server, digest);
    expect(pkg.bytes.equals(loki)).toBe(true);
    expect(pkg.digest).toBe(lokiDigest);
  });

  it('still refuses a package that matches neither way', async () => {
    const server = await serve();
    const other = readFileSync(path.join(SHARED_DATA, 'charts', 'fluent-bit-0.1.3.tgz'));
    server.put('/charts/loki-2.0.1.tgz', zlib.gzipSync(other), 'application/gzip', { 'content-encoding': 'gzip' });
    await expect(fetchLoki(server, lokiDigest)).rejects.toMatchObject({ kind: 'digest-mismatch' });
  });
});
