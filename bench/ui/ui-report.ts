/** The UI benchmark's figures (medians over rounds, with their targets), its table and its target checks. */
import path from 'node:path';
import type { TargetCheck } from '../report';
import type { ProbeTiming } from './probe-types';
import type { UiPicks } from './picks';
import type { RoundTimings } from './round';

/** One figure: what the user waits for, its samples (ms to the painted frame, and to the DOM), the median and the target. */
export interface UiFigure {
  what: string;
  targetMs: number | undefined;
  samples: number[];
  domSamples: number[];
  median: number;
  domMedian: number;
}

/** Everything the UI part measured. */
export interface UiResult {
  chromium: string;
  indexBytes: number;
  rounds: number;
  picks: UiPicks;
  figures: UiFigure[];
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? NaN;

function figure(what: string, targetMs: number | undefined, timings: ProbeTiming[]): UiFigure {
  const samples = timings.map((t) => t.paintMs);
  const domSamples = timings.map((t) => t.domMs);
  return { what, targetMs, samples, domSamples, median: median(samples), domMedian: median(domSamples) };
}

/** The figures of all rounds; the keystrokes of every round are pooled. */
export function uiFigures(rounds: readonly RoundTimings[], picks: UiPicks, indexBytes: number): UiFigure[] {
  const all = (key: keyof RoundTimings): ProbeTiming[] => rounds.flatMap((r) => r[key] ?? []);
  const { manyVersions, servable } = picks;
  const figures = [
    figure('app load → sidebar and + Add usable', 250, all('load')),
    figure('paste the repo URL → detection shown', undefined, all('detect')),
    figure(`Add repository → first chart rows (${(indexBytes / 1e6).toFixed(1)} MB index, cold)`, 500, all('add')),
    figure(`keystroke in the chart search → results shown (typing "${manyVersions.chart}")`, 50, all('keystrokes')),
    figure(`open ${manyVersions.chart} (${manyVersions.versions} versions) → versions table`, 100, all('chart')),
  ];
  if (servable) {
    const name = `${servable.chart} ${servable.version}`;
    figures.push(figure(`open ${name} the first time → version view (download, digest check)`, undefined, all('versionFirst')));
    figures.push(figure(`open ${name} again (cached package) → version view`, undefined, all('versionCached')));
  }
  figures.push(figure('Refresh answered 304 Not Modified → list refreshed', 50, all('refresh')));
  return figures;
}

const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '-');

/** The section of the report: one line per figure with median, range, target and whether it was met. */
export function uiReport(result: UiResult): string {
  const head = ['what the user waits for', 'median', 'min', 'max', 'n', 'DOM', 'target', ''];
  const rows = result.figures.map((f) => [
    f.what,
    ms(f.median),
    ms(Math.min(...f.samples)),
    ms(Math.max(...f.samples)),
    String(f.samples.length),
    ms(f.domMedian),
    f.targetMs === undefined ? '-' : `≤ ${f.targetMs}`,
    f.targetMs === undefined ? '' : f.median <= f.targetMs ? 'MET' : 'MISSED',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ')}`.trimEnd();
  const servable = result.picks.servable;
  return [
    `UI: browser mode in Chromium ${result.chromium} (headless, 1440×900), a fresh app, data folder and browser context per round; medians of ${result.rounds} rounds,`,
    'ms from the user\'s click or keystroke (navigation start for the load) to the frame painted after the page shows the result (DOM: to the DOM change):',
    line(head),
    ...rows.map(line),
    ...(result.indexBytes < 15e6 ? ['  (the targets are set for the 20 MB index; at this size they are reported, and enforced only with --check)'] : []),
    servable ? `  (the cached version is ${path.basename(servable.file)} from ../shared/data/charts, served beside the index; its digest matches)` : '  (no version of this index has a package in ../shared/data/charts: the version figures are skipped)',
  ].join('\n');
}

/** The UI targets. */
export function uiChecks(result: UiResult): TargetCheck[] {
  return result.figures
    .filter((f): f is UiFigure & { targetMs: number } => f.targetMs !== undefined)
    .map((f) => ({ target: `UI: ${f.what} ≤ ${f.targetMs} ms`, value: `${ms(f.median)} ms`, met: f.median <= f.targetMs }));
}
