/**
 * What runs in a fresh child process (`node --expose-gc dist/bench.cjs --child TASK FILE|URL`): one
 * measurement, printed as a JSON line. A fresh process per measurement keeps cold timings cold
 * and peak memory honest (maxRSS is per process).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';
import { createIndexParser } from '../electron/core/index/parse-client';
import { parseIndex } from '../electron/core/index/parse-index';
import { ChartIndex } from '../electron/core/index/query-index';
import { measureFetch } from './child-fetch';
import { makeQueries, percentile } from './queries';

/** The measurements a child can make. */
export type ChildTask = 'json' | 'jsyaml' | 'ours' | 'pipeline' | 'fetch';

/** What a child reports. */
export interface ChildResult {
  ms: number;
  /** Peak resident memory above the process's own baseline, bytes (the input buffer included). */
  peakBytes: number;
  warmMs?: number;
  firstListMs?: number;
  searchP50?: number;
  searchP95?: number;
  parser?: string;
  charts?: number;
  versions?: number;
  error?: string;
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

function baseline(): number {
  gc();
  return process.memoryUsage().rss;
}

function peakSince(base: number): number {
  return process.resourceUsage().maxRSS * 1024 - base;
}

/** Runs one task on one file and returns its measurement. */
export async function runChildTask(task: ChildTask, file: string): Promise<ChildResult> {
  if (task === 'fetch') return measureFetch(file);
  const base = baseline();
  const bytes = readFileSync(file);
  if (task === 'json') {
    const t = performance.now();
    JSON.parse(bytes.toString('utf8'));
    return { ms: performance.now() - t, peakBytes: peakSince(base) };
  }
  if (task === 'jsyaml') {
    const t = performance.now();
    load(bytes.toString('utf8'), { schema: CORE_SCHEMA });
    return { ms: performance.now() - t, peakBytes: peakSince(base) };
  }
  if (task === 'pipeline') {
    const parser = createIndexParser({ workerPath: path.join(__dirname, 'index-worker.cjs') });
    const t = performance.now();
    const index = await parser.parse(bytes, { transfer: true });
    index.list({ limit: 100 });
    return { ms: performance.now() - t, peakBytes: peakSince(base) };
  }
  return measureOurs(bytes, base);
}

function measureOurs(bytes: Buffer, base: number): ChildResult {
  const t = performance.now();
  const data = parseIndex(bytes);
  const ms = performance.now() - t;
  const index = new ChartIndex(data);
  index.list({ limit: 100 });
  const firstListMs = performance.now() - t;
  const peakBytes = peakSince(base);
  const warm: number[] = [];
  for (let i = 0; i < 4; i++) {
    const w = performance.now();
    parseIndex(bytes);
    warm.push(performance.now() - w);
  }
  const queries = makeQueries(index.list({ limit: 100_000 }).items);
  const times = queries.map((q) => {
    const s = performance.now();
    index.search(q);
    return performance.now() - s;
  });
  return {
    ms,
    peakBytes,
    warmMs: percentile(warm, 50),
    firstListMs,
    searchP50: percentile(times, 50),
    searchP95: percentile(times, 95),
    parser: data.parser,
    charts: data.chartNames.length,
    versions: data.versions.length,
  };
}
