/**
 * A refresh the server answers 304 costs nothing: the parsed index is kept (no second read, no
 * second parse), the list is the same, and only the confirmation time moves. The same when the
 * server is down and the offline copy is the one already open. A changed index is read again.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { IndexProgress } from '../../../electron/contract/packages';
import { createFlowClient, type FlowClient } from '../../../electron/core/auth/flow';
import { createChartsCore, type ChartsCore } from '../../../electron/core/charts/charts-core';
import type { RepoRecord } from '../../../electron/core/context';
import { createIndexParser } from '../../../electron/core/index/parse-client';
import { silentLogger } from '../../../electron/core/log';
import { DIST, SHARED_DATA } from '../../support/paths';
import { startStaticRepo, type StaticRepo } from './static-repo';

const bitnami = readFileSync(path.join(SHARED_DATA, 'index', 'bitnami-2023-03.yaml'));
const cilium = readFileSync(path.join(SHARED_DATA, 'index', 'cilium.yaml'));

let server: StaticRepo;
let dataDir: string;
let flow: FlowClient;
let charts: ChartsCore;
let parses: number;
let prepares: number;
let now: number;
let progress: z.output<typeof IndexProgress>[];

beforeEach(async () => {
  server = await startStaticRepo();
  server.put('/r/index.yaml', bitnami, 'application/x-yaml');
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-unchanged-'));
  flow = createFlowClient({ userAgent: 'ChartDesk-test', env: {} });
  const parser = createIndexParser({ workerPath: path.join(DIST, 'index-worker.cjs') });
  const repo: RepoRecord = { id: 'r1', name: 'r1', kind: 'http', charts: [], url: `${server.origin}/r`, auth: { mode: 'none', dialect: 'auto' }, tls: { insecureSkipVerify: false }, passCredentialsAll: false, hasSecret: false };
  parses = 0;
  prepares = 0;
  progress = [];
  now = Date.UTC(2026, 0, 1, 12);
  charts = createChartsCore({
    flow,
    repos: { get: async () => repo, credentials: async () => ({}) },
    parse: (bytes, options) => {
      parses++;
      return parser.parse(bytes, options);
    },
    prepareParse: () => {
      prepares++;
      parser.prepare();
    },
    dataDir,
    log: silentLogger,
    now: () => now,
    onProgress: (event) => progress.push(event),
  });
});
afterEach(async () => {
  await flow.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The offline copy's metadata for repo r1, as on disk. */
function offlineMeta(): { checkedAt: number; downloadedAt: number; etag?: string; size: number } {
  const root = path.join(dataDir, 'index-offline');
  const [folder] = readdirSync(root);
  return JSON.parse(readFileSync(path.join(root, folder ?? '', 'meta.json'), 'utf8')) as { checkedAt: number; downloadedAt: number; etag?: string; size: number };
}

describe('refreshing an open index', () => {
  it('shows the first charts while the index is read, then the whole list', async () => {
    const source = await charts.sources.forRepo('r1');
    const summary = await source.open(false);
    const preview = progress.find((event) => event.preview)?.preview;
    expect(preview?.length).toBeGreaterThan(20);
    expect(preview).toEqual((await source.list({ offset: 0, limit: preview?.length ?? 0 })).items);
    expect(progress.findIndex((event) => event.preview)).toBeLessThan(progress.findIndex((event) => event.phase === 'done'));
    expect(summary).toMatchObject({ source: 'network', chartCount: 108 });
  });

  it('keeps the parsed index on a 304: no second parse, same list, the confirmation time moves', async () => {
    const source = await charts.sources.forRepo('r1');
    const first = await source.open(false);
    const before = await source.list({ offset: 0, limit: 500 });
    const preparedBefore = prepares;
    expect(preparedBefore).toBeGreaterThan(0);
    now += 60_000;
    const again = await source.open(true);
    expect(server.requests.at(-1)).toMatchObject({ path: '/r/index.yaml', status: 304 });
    expect(parses).toBe(1);
    // A 304 has no body to parse: no parse worker is started for it.
    expect(prepares).toBe(preparedBefore);
    expect(again).toMatchObject({ source: 'not-modified', unchanged: true, chartCount: first.chartCount, bytes: bitnami.length, fetchedAt: now, ageMs: 0, etag: first.etag });
    expect(await source.list({ offset: 0, limit: 500 })).toEqual(before);
    // The offline copy records the confirmation too (written after the answer, which does not wait for the disk).
    now += 60_000;
    expect(await source.open(true)).toMatchObject({ unchanged: true, fetchedAt: now });
    expect(parses).toBe(1);
    await expect.poll(() => offlineMeta().checkedAt, { timeout: 5_000 }).toBe(now);
    expect(offlineMeta()).toMatchObject({ downloadedAt: first.fetchedAt, etag: first.etag, size: bitnami.length });
  });

  it('reads and parses again when the index changed on the server', async () => {
    const source = await charts.sources.forRepo('r1');
    await source.open(false);
    server.put('/r/index.yaml', cilium, 'application/x-yaml');
    const changed = await source.open(true);
    expect(changed).toMatchObject({ source: 'network', chartCount: 2, bytes: cilium.length });
    expect(changed.unchanged).toBeUndefined();
    expect(parses).toBe(2);
    expect((await source.list({ offset: 0, limit: 10 })).items.map((c) => c.name)).toContain('cilium');
  });

  it('keeps the open index when the server is down and the offline copy is that same index', async () => {
    const source = await charts.sources.forRepo('r1');
    await source.open(false);
    server.failWith(503);
    const offline = await source.open(true);
    expect(offline).toMatchObject({ offline: true, unchanged: true, chartCount: 108, offlineReason: expect.stringMatching(/offline copy/) });
    expect(parses).toBe(1);
    server.failWith(undefined);
    expect(await source.open(true)).toMatchObject({ offline: false, source: 'not-modified', unchanged: true });
    expect(parses).toBe(1);
  });

  it('parses the copy again when it is not the one held (a new session opening a kept copy)', async () => {
    await (await charts.sources.forRepo('r1')).open(false);
    const fresh = await charts.sources.forRepo('r1');
    fresh.forget();
    expect(await fresh.open(true)).toMatchObject({ source: 'not-modified', chartCount: 108 });
    expect(parses).toBe(2);
  });
});
