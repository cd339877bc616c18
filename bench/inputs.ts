/**
 * The benchmark inputs: every real index in ../shared/data/index and a generated big index
 * (../shared/tools/make-big-index.py), each with its JSON form for the JSON.parse baseline.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CORE_SCHEMA, load } from 'js-yaml';

/** One file to measure. */
export interface BenchInput {
  name: string;
  file: string;
  /** The same data as JSON, when the file is valid. */
  jsonFile: string | undefined;
  bytes: number;
  generated: boolean;
}

/** Where the shared data and tools live, relative to the built bench (dist/bench.cjs). */
export function sharedDir(): string {
  return path.resolve(__dirname, '..', '..', 'shared');
}

/** A scratch folder for generated inputs, reused between runs. */
export function workDir(): string {
  const dir = path.join(os.tmpdir(), 'chartdesk-bench');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** The real index files. */
export function realInputs(only: string | undefined): BenchInput[] {
  const dir = path.join(sharedDir(), 'data', 'index');
  return readdirSync(dir)
    .sort()
    .filter((name) => only === undefined || name.includes(only))
    .map((name) => input(name, path.join(dir, name), false));
}

/**
 * The generated index of about mb MB (made once and cached in the scratch folder). The tool merges
 * every real index (about 19 MB) and adds copies; for smaller sizes it is given a subset of them.
 */
export function generatedInput(mb: number): BenchInput {
  const tool = path.join(sharedDir(), 'tools', 'make-big-index.py');
  const out = path.join(workDir(), `big-${mb}mb.yaml`);
  if (!existsSync(out) || statSync(out).mtimeMs < statSync(tool).mtimeMs) {
    process.stderr.write(`bench: generating a ${mb} MB index with make-big-index.py (takes a while once)…\n`);
    const args = [tool, '--mb', String(mb), '--out', out];
    if (mb < 19) args.push('--data', subsetFolder(mb));
    const run = spawnSync('python3', args, { stdio: ['ignore', 'ignore', 'inherit'] });
    if (run.status !== 0) throw new Error('make-big-index.py failed (it needs python3 with PyYAML)');
  }
  return input(`generated ${(statSync(out).size / 1e6).toFixed(0)} MB`, out, true);
}

/** A folder with links to the smallest real indexes that add up to about mb MB. */
function subsetFolder(mb: number): string {
  const source = path.join(sharedDir(), 'data', 'index');
  const folder = path.join(workDir(), `subset-${mb}mb`);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder);
  const files = readdirSync(source)
    .filter((name) => name.endsWith('.yaml'))
    .map((name) => ({ name, size: statSync(path.join(source, name)).size }))
    .sort((a, b) => b.size - a.size);
  let total = 0;
  for (const { name, size } of files) {
    if (total + size > mb * 1e6) continue;
    symlinkSync(path.join(source, name), path.join(folder, name));
    total += size;
  }
  const smallest = files[files.length - 1];
  if (total === 0 && smallest !== undefined) symlinkSync(path.join(source, smallest.name), path.join(folder, smallest.name));
  return folder;
}

function input(name: string, file: string, generated: boolean): BenchInput {
  return { name, file, jsonFile: jsonFormOf(file), bytes: statSync(file).size, generated };
}

/**
 * The file's data written as JSON (read with js-yaml), or undefined when the file does not parse.
 * Non-ASCII characters are written as \u escapes, as Python's json.dump and Go's encoders do by
 * default; that is also the form JSON.parse reads fastest, so the baseline is the strict one.
 */
function jsonFormOf(file: string): string | undefined {
  if (file.endsWith('.json')) return file;
  const stat = statSync(file);
  const out = path.join(workDir(), `${path.basename(file)}.${stat.size}.${Math.round(stat.mtimeMs)}.ascii.json`);
  if (existsSync(out)) return out;
  try {
    const json = JSON.stringify(load(readFileSync(file, 'utf8'), { schema: CORE_SCHEMA }));
    writeFileSync(out, json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
    return out;
  } catch {
    return undefined;
  }
}
