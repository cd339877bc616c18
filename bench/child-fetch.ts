/**
 * The transfer measurement in a fresh process: the app's chart services open a repo on loopback
 * (download through the HTTP client, decoding included, parse in the worker, offline copy kept) and
 * show the first rows of the chart list.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createFlowClient } from '../electron/core/auth/flow';
import { createChartsCore } from '../electron/core/charts/charts-core';
import type { RepoRecord } from '../electron/core/context';
import { createIndexParser } from '../electron/core/index/parse-client';
import { silentLogger } from '../electron/core/log';
import type { ChildResult } from './child';

/** Opens the repo at `repoUrl` and times the way to its first 100 rows. */
export async function measureFetch(repoUrl: string): Promise<ChildResult> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-bench-fetch-'));
  const flow = createFlowClient({ userAgent: 'ChartDesk-bench', env: {} });
  const parser = createIndexParser({ workerPath: path.join(__dirname, 'index-worker.cjs') });
  const repo: RepoRecord = { id: 'bench', name: 'bench', kind: 'http', charts: [], url: repoUrl, auth: { mode: 'none', dialect: 'auto' }, tls: { insecureSkipVerify: false }, passCredentialsAll: false, hasSecret: false };
  const charts = createChartsCore({ flow, repos: { get: async () => repo, credentials: async () => ({}) }, parse: (bytes) => parser.parse(bytes, { transfer: true }), dataDir, log: silentLogger });
  try {
    const started = performance.now();
    const source = await charts.sources.forRepo('bench');
    await source.open(false);
    const rows = (await source.list({ offset: 0, limit: 100 })).items.length;
    const ms = performance.now() - started;
    return { ms, peakBytes: process.resourceUsage().maxRSS * 1024, charts: rows };
  } finally {
    await flow.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
