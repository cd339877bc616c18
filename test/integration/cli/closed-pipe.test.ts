/** `chartdesk … | head`: when the reader stops early, the CLI ends quietly instead of crashing on EPIPE. */
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_DATA } from '../../support/paths';
import { CHARTDESK_BIN, isolatedCliEnv } from '../../support/run-cli';

describe('a closed output pipe', () => {
  it('ends the run without an unhandled error when the reader has gone before the output is written', async () => {
    const child = spawn(process.execPath, [CHARTDESK_BIN, 'index', path.join(SHARED_DATA, 'index', 'k8s-at-home.yaml'), '--json'], { env: isolatedCliEnv(os.tmpdir()), stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.destroy(); // like `| head -c 0`: nobody reads the 85 KB of JSON
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/Unhandled|EPIPE|unexpected failure/);
    expect(code).toBe(0);
  });
});
