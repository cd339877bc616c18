/** Start-up answers the first screen's calls once: through the real core, and bounded in time when a call hangs. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FIRST_SCREEN_CALLS } from '../../../electron/contract/first-screen';
import { bootCore } from '../../../electron/core/boot';
import type { Dispatcher } from '../../../electron/core/dispatch';
import { silentLogger } from '../../../electron/core/log';
import { primeFirstScreen } from '../../../electron/core/prime';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('primeFirstScreen', () => {
  it('reads the repo list at start-up: a damaged list is a notice before any window asks', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chartdesk-prime-'));
    dirs.push(dir);
    const dataDir = path.join(dir, 'data');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(path.join(dataDir, 'repos.json'), '{"version": 1, "repos": [ this is not json');
    const core = await bootCore({ transport: 'browser', dataDir, log: silentLogger, env: { CHARTDESK_KEYCHAIN: 'off' }, homeDir: dir });
    try {
      const before = await core.dispatcher.call('listNotices', {});
      expect(before).toEqual({ ok: true, value: [] });
      await primeFirstScreen(core.dispatcher);
      const after = await core.dispatcher.call('listNotices', {});
      expect(after.ok && after.value).toEqual([expect.objectContaining({ level: 'warning', message: expect.stringContaining('was damaged') })]);
    } finally {
      await core.context.flow.close();
    }
  });

  it('calls each first-screen method once, and goes on after the wait when one never answers', async () => {
    const called: string[] = [];
    const dispatcher: Dispatcher = {
      call: (name) => {
        called.push(name);
        return name === 'appInfo' ? new Promise(() => {}) : Promise.resolve({ ok: true, value: [] });
      },
    };
    const started = performance.now();
    await primeFirstScreen(dispatcher, 200);
    const waited = performance.now() - started;
    expect(called.sort()).toEqual([...FIRST_SCREEN_CALLS].sort());
    expect(waited).toBeGreaterThanOrEqual(190);
    expect(waited).toBeLessThan(5_000);
  });

  it('never rejects, even when the dispatcher throws', async () => {
    const dispatcher: Dispatcher = { call: () => Promise.reject(new Error('broken transport')) };
    await expect(primeFirstScreen(dispatcher, 1_000)).resolves.toBeUndefined();
  });
});
