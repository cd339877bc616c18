/** Runs a benchmark measurement in a fresh Node process and reads its JSON answer. */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildResult, ChildTask } from './child';

/** Measures task on file in a new process (with --expose-gc); errors come back as { error }. */
export function measureInChild(task: ChildTask, file: string): ChildResult {
  const run = spawnSync(process.execPath, ['--expose-gc', __filename, '--child', task, file], { encoding: 'utf8', maxBuffer: 1 << 20, timeout: 300_000 });
  const line = run.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as ChildResult;
  } catch {
    return { ms: NaN, peakBytes: NaN, error: (run.stderr || `exit ${run.status}`).trim().split('\n')[0]?.slice(0, 200) ?? 'failed' };
  }
}

/** The same without blocking this process (the transfer benchmark serves the index from here meanwhile). */
export function measureInChildAsync(task: ChildTask, target: string): Promise<ChildResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--expose-gc', __filename, '--child', task, target], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill(), 300_000);
    child.on('close', (status) => {
      clearTimeout(timer);
      try {
        resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '') as ChildResult);
      } catch {
        resolve({ ms: NaN, peakBytes: NaN, error: (stderr || `exit ${status}`).trim().split('\n')[0]?.slice(0, 200) ?? 'failed' });
      }
    });
  });
}
