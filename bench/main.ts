/**
 * `npm run bench` (bundled to dist/bench.cjs): the index engine against JSON.parse and js-yaml on
 * every real index and on a generated one (`--mb N`, default 20), then the transfer (plain against
 * gzip from loopback) and the CLI's start-up on the generated one, then the UI in Chromium
 * (`--ui-only`, `--no-ui`). Each measurement runs in a fresh process; medians over `--rounds`
 * rounds. See bench/README.md.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseBenchArgs, type BenchOptions } from './args';
import { runChildTask, type ChildResult, type ChildTask } from './child';
import { generatedInput, realInputs, sharedDir, type BenchInput } from './inputs';
import { runOciBench, type OciFigure } from './oci-bench';
import { checkTargets, table, type InputResult, type TargetCheck } from './report';
import { measureInChild } from './spawn';
import { measureStartup, startupChecks, startupReport } from './startup';
import { measureTransfer, transferChecks, transferReport } from './transfer';
import { runUiBench } from './ui/run-ui';
import { uiChecks, uiReport } from './ui/ui-report';

async function child(task: ChildTask, file: string): Promise<void> {
  let result: ChildResult;
  try {
    result = await runChildTask(task, file);
  } catch (error) {
    result = { ms: NaN, peakBytes: NaN, error: error instanceof Error ? error.message : String(error) };
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** The median of each numeric field over several rounds (the first round's other fields). */
function medianOf(results: ChildResult[]): ChildResult {
  const first = results[0] as ChildResult;
  if (results.some((r) => r.error !== undefined)) return results.find((r) => r.error !== undefined) as ChildResult;
  const median = (pick: (r: ChildResult) => number | undefined): number | undefined => {
    const values = results.map(pick).filter((v): v is number => v !== undefined).sort((a, b) => a - b);
    return values.length === 0 ? undefined : values[Math.floor((values.length - 1) / 2)];
  };
  const out: ChildResult = { ...first, ms: median((r) => r.ms) as number, peakBytes: median((r) => r.peakBytes) as number };
  for (const key of ['warmMs', 'firstListMs', 'searchP50', 'searchP95'] as const) {
    const value = median((r) => r[key]);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function measure(input: BenchInput, rounds: number): InputResult {
  const runs: Record<Exclude<ChildTask, 'fetch'>, ChildResult[]> = { json: [], jsyaml: [], ours: [], pipeline: [] };
  // Interleaved rounds, so background load affects every contender alike.
  for (let r = 0; r < rounds; r++) {
    if (input.jsonFile) runs.json.push(measureInChild('json', input.jsonFile));
    if (input.jsonFile) runs.jsyaml.push(measureInChild('jsyaml', input.file));
    runs.ours.push(measureInChild('ours', input.file));
    runs.pipeline.push(measureInChild('pipeline', input.file));
  }
  const ours = medianOf(runs.ours);
  return {
    input,
    json: runs.json.length ? medianOf(runs.json) : undefined,
    jsyaml: runs.jsyaml.length ? medianOf(runs.jsyaml) : undefined,
    ours,
    pipeline: ours.error === undefined ? medianOf(runs.pipeline) : undefined,
  };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--child') return child(argv[1] as ChildTask, argv[2] as string);
  const options = parseBenchArgs(argv);
  const report: Record<string, unknown> = { node: process.version };
  const all: TargetCheck[] = [];
  if (!options.uiOnly) all.push(...(await engineParts(options, report)));
  if (options.ui) {
    process.stderr.write('bench: UI…\n');
    const ui = await runUiBench(generatedInput(options.mb), options.rounds, path.join(sharedDir(), 'data'));
    if (ui) {
      report.ui = ui;
      process.stdout.write(`\n${uiReport(ui)}\n`);
      all.push(...uiChecks(ui));
    }
  }
  if (options.jsonOut) writeFileSync(options.jsonOut, JSON.stringify({ ...report, targets: all }, null, 2));
  if (options.check && all.some((c) => !c.met)) process.exitCode = 1;
}

/** The index engine, transfer, start-up and OCI parts; their numbers go into `report`, their target checks are returned. */
async function engineParts(options: BenchOptions, report: Record<string, unknown>): Promise<TargetCheck[]> {
  const inputs = [...(options.bigOnly ? [] : realInputs(options.only)), generatedInput(options.mb)];
  const results: InputResult[] = [];
  for (const input of inputs) {
    const rounds = input.generated || input.bytes > 1e6 ? options.rounds : Math.min(options.rounds, 3);
    process.stderr.write(`bench: ${input.name}…\n`);
    results.push(measure(input, rounds));
  }
  process.stdout.write(`\nIndex engine benchmark, node ${process.version}, medians of fresh-process runs (times in ms; JSON.parse includes UTF-8 decoding of the bytes).\n`);
  process.stdout.write('peak = resident memory above the process baseline, input bytes included; 1st list = parse + compact list in process; worker+list = the same through the worker.\n\n');
  process.stdout.write(`${table(results)}\n\n`);
  const big = results[results.length - 1] as InputResult;
  const small = big.input.bytes < 15e6 ? '  (the targets are set for a 20 MB index; on small ones fixed costs dominate)\n' : '';
  const checks = checkTargets(big);
  printChecks(`Targets on the ${big.input.name} index (${(big.input.bytes / 1e6).toFixed(1)} MB):\n${small}`, checks);

  process.stderr.write('bench: transfer…\n');
  const transfer = await measureTransfer(big.input.file, options.rounds);
  process.stdout.write(`\n${transferReport(transfer)}\n`);
  const transferTargets = transferChecks(transfer);
  printChecks(small, transferTargets);

  process.stderr.write('bench: start-up…\n');
  const startup = measureStartup(big.input.file, big.input.jsonFile ?? big.input.file, sharedDir(), Math.max(options.rounds, 3));
  process.stdout.write(`\n${startupReport(startup)}\n`);
  const startupTargets = startupChecks(startup);
  printChecks(small, startupTargets);

  const oci = await runOciBench(Math.min(options.rounds, 3), path.join(sharedDir(), 'data'));
  const ociTargets = oci ? ociChecks(oci) : [];
  if (oci) printChecks('\nOCI registry (Docker distribution on loopback, token auth), medians:\n', ociTargets);
  Object.assign(report, { results, transfer, startup, oci });
  return [...checks, ...transferTargets, ...startupTargets, ...ociTargets];
}

/** The OCI figures as target checks; figures without a target are printed as met (they are facts, not goals). */
function ociChecks(figures: readonly OciFigure[]): TargetCheck[] {
  return figures.map((f) => ({ target: f.targetMs === undefined ? f.what : `${f.what} ≤ ${f.targetMs} ms`, value: `${f.ms.toFixed(0)} ms`, met: f.targetMs === undefined || f.ms <= f.targetMs }));
}

function printChecks(heading: string, checks: readonly TargetCheck[]): void {
  process.stdout.write(heading);
  for (const check of checks) process.stdout.write(`  ${check.met ? 'MET    ' : 'MISSED '} ${check.target}: ${check.value}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});
