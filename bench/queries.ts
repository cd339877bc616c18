/** The 1,000 search queries of the benchmark, drawn from the index itself with a fixed seed. */
import type { ChartSummary } from '../electron/core/index/query-types';

/** A small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Queries a user would type: exact names, prefixes, substrings, keywords, description words, misses. */
export function makeQueries(charts: readonly ChartSummary[], count = 1000, seed = 42): string[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(next() * list.length)];
  const out: string[] = [];
  if (charts.length === 0) return Array.from({ length: count }, (_, i) => `missing-${i}`);
  while (out.length < count) {
    const chart = pick(charts) as ChartSummary;
    const name = chart.name;
    const roll = next();
    if (roll < 0.3) out.push(name);
    else if (roll < 0.5) out.push(name.slice(0, 2 + Math.floor(next() * 4)));
    else if (roll < 0.65) {
      const at = Math.floor(next() * Math.max(1, name.length - 4));
      out.push(name.slice(at, at + 4));
    } else if (roll < 0.8) out.push(pick(chart.keywords) ?? name);
    else if (roll < 0.9) {
      const words = (chart.description ?? name).split(/\s+/).filter((w) => w.length > 3);
      out.push(pick(words) ?? name);
    } else out.push(next() < 0.5 ? `${name.slice(0, 3)} ${pick(chart.keywords) ?? 'chart'}` : `zz-no-such-chart-${out.length}`);
  }
  return out;
}

/** The p-th percentile (0..100) of a list of numbers. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}
