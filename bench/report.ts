/** Formats benchmark results as a table and checks the targets of issue #5. */
import type { ChildResult } from './child';
import type { BenchInput } from './inputs';

/** Medians of one input's measurements. */
export interface InputResult {
  input: BenchInput;
  json: ChildResult | undefined;
  jsyaml: ChildResult | undefined;
  ours: ChildResult;
  pipeline: ChildResult | undefined;
}

/** One target and whether it was met. */
export interface TargetCheck {
  target: string;
  value: string;
  met: boolean;
}

const fmt = (n: number | undefined, digits = 1): string => (n === undefined || !Number.isFinite(n) ? '-' : n.toFixed(digits));

/** The results table, one line per input. */
export function table(results: readonly InputResult[]): string {
  const head = ['input', 'MB', 'JSON.parse', 'js-yaml', 'ours cold', 'ours warm', '÷JSON', 'js-yaml÷', 'peak MB', '×size', '1st list', 'worker+list', 'search p50', 'p95', 'path'];
  const rows = results.map(({ input, json, jsyaml, ours, pipeline }) => {
    if (ours.error !== undefined) return [input.name, fmt(input.bytes / 1e6, 2), fmt(json?.ms), fmt(jsyaml?.ms), 'invalid*'];
    return [
      input.name,
      fmt(input.bytes / 1e6, 2),
      fmt(json?.ms),
      fmt(jsyaml?.ms),
      fmt(ours.ms),
      fmt(ours.warmMs),
      json ? fmt(ours.ms / json.ms, 2) : '-',
      jsyaml ? fmt(jsyaml.ms / ours.ms, 1) : '-',
      fmt(ours.peakBytes / 1e6),
      input.bytes >= 100_000 ? fmt(ours.peakBytes / input.bytes, 2) : '-',
      fmt(ours.firstListMs),
      fmt(pipeline?.ms),
      fmt(ours.searchP50, 3),
      fmt(ours.searchP95, 3),
      ours.parser ?? '-',
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ');
  const errors = results.filter((r) => r.ours.error !== undefined).map((r) => `* ${r.input.name}: ${r.ours.error}`);
  return [line(head), ...rows.map(line), ...(errors.length ? ['', ...errors] : [])].join('\n');
}

/** The targets for one input (meant for the generated big index). */
export function checkTargets(result: InputResult): TargetCheck[] {
  const { input, json, jsyaml, ours } = result;
  const checks: TargetCheck[] = [];
  if (json) checks.push({ target: 'parse ≤ 2× JSON.parse of the same data', value: `${fmt(ours.ms / json.ms, 2)}× (${fmt(ours.ms)} vs ${fmt(json.ms)} ms)`, met: ours.ms <= 2 * json.ms });
  if (jsyaml) checks.push({ target: 'parse ≥ 2× faster than js-yaml 4 CORE_SCHEMA', value: `${fmt(jsyaml.ms / ours.ms, 1)}× (${fmt(jsyaml.ms)} vs ${fmt(ours.ms)} ms)`, met: jsyaml.ms >= 2 * ours.ms });
  checks.push({ target: 'peak memory ≤ 3× file size', value: `${fmt(ours.peakBytes / input.bytes, 2)}× (${fmt(ours.peakBytes / 1e6)} MB for ${fmt(input.bytes / 1e6)} MB)`, met: ours.peakBytes <= 3 * input.bytes });
  checks.push({ target: 'search p95 < 5 ms over 1,000 queries', value: `${fmt(ours.searchP95, 3)} ms (p50 ${fmt(ours.searchP50, 3)} ms)`, met: (ours.searchP95 ?? Infinity) < 5 });
  return checks;
}
