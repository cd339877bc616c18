import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFlowClient, type FlowClient, type FlowRepo } from '../../../electron/core/auth/flow';
import { createIndexFetcher } from '../../../electron/core/index/fetch-index';
import { createOfflineIndexStore } from '../../../electron/core/index/offline-store';
import { SHARED_DATA } from '../../support/paths';
import { startStaticRepo, type StaticRepo } from './static-repo';

const cilium = readFileSync(path.join(SHARED_DATA, 'index', 'cilium.yaml'));
const grafanaFirst = readFileSync(path.join(SHARED_DATA, 'index', 'grafana-first-2020.yaml'));

let server: StaticRepo;
let dataDir: string;
let flow: FlowClient;
let clock: number;

const repoAt = (origin: string): FlowRepo => ({ url: `${origin}/charts`, auth: { mode: 'none', dialect: 'auto' }, tls: { insecureSkipVerify: false }, passCredentialsAll: false });
const makeFetcher = (maxBytes?: number) =>
  createIndexFetcher({ flow, offline: createOfflineIndexStore(path.join(dataDir, 'index-offline')), now: () => clock, ...(maxBytes ? { maxBytes } : {}) });
const request = (repo: FlowRepo, extra: object = {}) => ({ key: 'repo-1', repo, credentials: async () => ({}), ...extra });

beforeEach(async () => {
  server = await startStaticRepo();
  server.put('/charts/index.yaml', cilium, 'application/x-yaml');
  dataDir = mkdtempSync(path.join(tmpdir(), 'chartdesk-offline-'));
  flow = createFlowClient({ userAgent: 'ChartDesk-test' });
  clock = Date.UTC(2025, 5, 1, 12);
});
afterEach(async () => {
  await flow.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('fetching index.yaml', () => {
  it('downloads the index with progress up to its full size', async () => {
    const seen: Array<[number, number | undefined]> = [];
    const result = await makeFetcher().fetch(request(repoAt(server.origin), { onProgress: (r: number, t: number | undefined) => seen.push([r, t]) }));
    expect(result.source).toBe('network');
    expect(result.bytes.equals(cilium)).toBe(true);
    expect(result.url).toBe(`${server.origin}/charts/index.yaml`);
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toEqual([cilium.length, cilium.length]);
    expect(seen.every(([r], i) => i === 0 || r >= (seen[i - 1]?.[0] ?? 0))).toBe(true);
  });

  it('asks conditionally next time and reuses the kept copy on 304', async () => {
    const fetcher = makeFetcher();
    await (await fetcher.fetch(request(repoAt(server.origin)))).keep();
    clock += 60_000;
    const again = await fetcher.fetch(request(repoAt(server.origin)));
    const last = server.requests.at(-1);
    expect(last?.headers['if-none-match']).toMatch(/^"[0-9a-f]+"$/);
    expect(last?.headers['if-modified-since']).toBeDefined();
    expect(last?.status).toBe(304);
    expect(again.source).toBe('not-modified');
    expect(again.bytes.equals(cilium)).toBe(true);
    expect(again.fetchedAt).toBe(clock);
  });

  it('downloads again when the index changed', async () => {
    const fetcher = makeFetcher();
    await (await fetcher.fetch(request(repoAt(server.origin)))).keep();
    server.put('/charts/index.yaml', grafanaFirst, 'application/x-yaml');
    const again = await fetcher.fetch(request(repoAt(server.origin)));
    expect(again.source).toBe('network');
    expect(again.bytes.equals(grafanaFirst)).toBe(true);
  });

  it('keeps no offline copy of an index that was never confirmed good', async () => {
    const fetcher = makeFetcher();
    await fetcher.fetch(request(repoAt(server.origin)));
    const again = await fetcher.fetch(request(repoAt(server.origin)));
    expect(server.requests.at(-1)?.headers['if-none-match']).toBeUndefined();
    expect(again.source).toBe('network');
  });

  it('writes the copy as raw bytes plus metadata, with no temporary files left', async () => {
    await (await makeFetcher().fetch(request(repoAt(server.origin)))).keep();
    const [folder] = readdirSync(path.join(dataDir, 'index-offline'));
    const files = readdirSync(path.join(dataDir, 'index-offline', folder ?? '')).sort();
    expect(files).toEqual(['index.body', 'meta.json']);
    const meta = JSON.parse(readFileSync(path.join(dataDir, 'index-offline', folder ?? '', 'meta.json'), 'utf8'));
    expect(meta).toMatchObject({ url: `${server.origin}/charts/index.yaml`, size: cilium.length, downloadedAt: clock, checkedAt: clock });
    expect(meta.etag).toMatch(/^"/);
    expect(meta.lastModified).toMatch(/GMT$/);
  });

  it('ignores a damaged copy and downloads in full', async () => {
    const fetcher = makeFetcher();
    await (await fetcher.fetch(request(repoAt(server.origin)))).keep();
    const [folder] = readdirSync(path.join(dataDir, 'index-offline'));
    writeFileSync(path.join(dataDir, 'index-offline', folder ?? '', 'index.body'), 'apiVersion: v1\nentries: {}\n');
    const again = await fetcher.fetch(request(repoAt(server.origin)));
    expect(again.source).toBe('network');
    expect(again.bytes.equals(cilium)).toBe(true);
  });

  it.each([
    ['cilium.yaml', 64 * 1024],
    ['grafana-first-2020.yaml', 100],
  ])('refuses an index (%s) larger than the cap', async (file, cap) => {
    server.put('/charts/index.yaml', readFileSync(path.join(SHARED_DATA, 'index', file)), 'application/x-yaml');
    await expect(makeFetcher(cap).fetch(request(repoAt(server.origin)))).rejects.toMatchObject({ kind: 'too-large' });
    // The aborted download must not leave an error behind that crashes the process later.
    await new Promise((resolve) => setTimeout(resolve, 50));
  });
});

describe('the offline copy', () => {
  it('stands in, with its age, when the server is down', async () => {
    const fetcher = makeFetcher();
    await (await fetcher.fetch(request(repoAt(server.origin)))).keep();
    const origin = server.origin;
    await server.close();
    clock += 3 * 3600_000;
    const result = await fetcher.fetch(request(repoAt(origin)));
    expect(result.source).toBe('offline');
    expect(result.bytes.equals(cilium)).toBe(true);
    expect(result.fetchedAt).toBe(clock - 3 * 3600_000);
    expect(result.offlineReason).toMatch(/offline copy from 3 hours ago/);
    server = await startStaticRepo();
  });

  it('stands in when the server fails with 503, but not when it says 404', async () => {
    const fetcher = makeFetcher();
    await (await fetcher.fetch(request(repoAt(server.origin)))).keep();
    server.failWith(503);
    expect((await fetcher.fetch(request(repoAt(server.origin)))).source).toBe('offline');
    server.failWith(undefined);
    await expect(fetcher.fetch(request({ ...repoAt(server.origin), url: `${server.origin}/elsewhere` }))).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('reports the network failure when there is no copy to fall back on', async () => {
    const origin = server.origin;
    await server.close();
    await expect(makeFetcher().fetch(request(repoAt(origin)))).rejects.toMatchObject({ kind: 'network' });
    server = await startStaticRepo();
  });

  it('is not used for a repo whose URL changed', async () => {
    const fetcher = makeFetcher();
    await (await fetcher.fetch(request(repoAt(server.origin)))).keep();
    const origin = server.origin;
    await server.close();
    await expect(fetcher.fetch(request({ ...repoAt(origin), url: `${origin}/other` }))).rejects.toMatchObject({ kind: 'network' });
    server = await startStaticRepo();
  });
});
