/**
 * The start-up benchmark: whole `chartdesk` processes as a user runs them (bin/chartdesk.cjs),
 * against bare Node: `--help` and `decode` against `node -e 0`, `index FILE --json` against a Node
 * process that JSON.parses the same index written as JSON. Wall-clock medians, runs interleaved.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TargetCheck } from './report';

/** What to start. */
interface Task {
  name: string;
  args: string[];
  stdin?: string;
}

/** Median wall-clock ms per task, or why a task failed. */
export interface StartupResult {
  ms: Record<string, number>;
  errors: Record<string, string>;
  rounds: number;
  indexMb: number;
}

/** A JWT to decode, from the shared data (ChartMuseum's README example token). */
function sampleToken(sharedDir: string): string {
  const line = readFileSync(path.join(sharedDir, 'data', 'auth', 'readme-tokens.txt'), 'utf8').split('\n').find((l) => l.includes('eyJ')) ?? '';
  return line.slice(line.lastIndexOf(' ') + 1);
}

function tasks(indexFile: string, jsonFile: string, sharedDir: string): Task[] {
  const bin = path.join(__dirname, '..', 'bin', 'chartdesk.cjs');
  return [
    { name: 'node -e 0', args: ['-e', '0'] },
    { name: 'chartdesk --help', args: [bin, '--help'] },
    { name: 'chartdesk decode', args: [bin, 'decode'], stdin: sampleToken(sharedDir) },
    { name: 'JSON.parse process', args: ['-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(jsonFile)}, 'utf8'))`] },
    { name: 'chartdesk index --json', args: [bin, 'index', indexFile, '--json'] },
  ];
}

/** Runs each task `rounds` times (interleaved) and keeps the medians. */
export function measureStartup(indexFile: string, jsonFile: string, sharedDir: string, rounds: number): StartupResult {
  const list = tasks(indexFile, jsonFile, sharedDir);
  const times = new Map<string, number[]>(list.map((t) => [t.name, []]));
  const errors: Record<string, string> = {};
  for (let r = 0; r < rounds; r++) {
    for (const task of list) {
      const started = process.hrtime.bigint();
      const run = spawnSync(process.execPath, task.args, { input: task.stdin ?? '', stdio: ['pipe', 'ignore', 'pipe'], encoding: 'utf8', timeout: 120_000 });
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (run.status !== 0) errors[task.name] = (run.stderr || `exit ${run.status}`).trim().split('\n')[0]?.slice(0, 200) ?? 'failed';
      else times.get(task.name)?.push(ms);
    }
  }
  const ms: Record<string, number> = {};
  for (const [name, values] of times) ms[name] = [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)] ?? NaN;
  return { ms, errors, rounds, indexMb: readFileSync(indexFile).length / 1e6 };
}

/** The section of the report. */
export function startupReport(result: StartupResult): string {
  const lines = [`Start-up: whole processes, medians of ${result.rounds} runs (index: the ${result.indexMb.toFixed(1)} MB generated index and its JSON form):`];
  for (const [name, ms] of Object.entries(result.ms)) lines.push(`  ${name.padEnd(24)} ${result.errors[name] ? `FAILED: ${result.errors[name]}` : `${ms.toFixed(0)} ms`}`);
  return lines.join('\n');
}

/** The start-up targets. */
export function startupChecks(result: StartupResult): TargetCheck[] {
  const { ms } = result;
  const node = ms['node -e 0'] ?? NaN;
  const json = ms['JSON.parse process'] ?? NaN;
  const check = (name: string, base: number, baseName: string, limit: number): TargetCheck => {
    const value = ms[name] ?? NaN;
    const ratio = value / base;
    return { target: `${name} ≤ ${limit}× ${baseName}`, value: `${ratio.toFixed(2)}× (${value.toFixed(0)} vs ${base.toFixed(0)} ms)`, met: ratio <= limit };
  };
  return [check('chartdesk --help', node, 'node -e 0', 2), check('chartdesk decode', node, 'node -e 0', 2), check('chartdesk index --json', json, 'a JSON.parse process', 1.5)];
}
