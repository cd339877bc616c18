import { describe, expect, it } from 'vitest';
import { refreshDelay, startRefresh } from '../../../electron/core/auth/refresher';

/** Timers the test fires by hand, so the schedule can be read without waiting. */
function manualTimers() {
  const pending: Array<{ fn: () => void; ms: number; cleared: boolean }> = [];
  return {
    pending,
    setTimer: (fn: () => void, ms: number) => {
      const t = { fn, ms, cleared: false };
      pending.push(t);
      return t;
    },
    clearTimer: (h: unknown) => {
      (h as { cleared: boolean }).cleared = true;
    },
    async fireLast() {
      const t = pending[pending.length - 1];
      if (!t || t.cleared) throw new Error('no live timer');
      t.fn();
      await new Promise((r) => setImmediate(r));
    },
  };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('refreshDelay', () => {
  it('refreshes a minute before expiry for a 5-minute token, and at 80% for short ones', () => {
    expect(refreshDelay(300_000, 0, 60_000, 5_000)).toBe(240_000);
    expect(refreshDelay(60_000, 0, 60_000, 5_000)).toBe(48_000);
    expect(refreshDelay(1_000, 0, 60_000, 5_000)).toBe(5_000);
  });

  it('never asks for a wait longer than a timer can hold (a 30-day token would otherwise refresh at once, in a loop)', () => {
    const thirtyDays = 30 * 24 * 3600_000;
    expect(refreshDelay(thirtyDays, 0, 60_000, 5_000)).toBe(2 ** 31 - 1);
  });
});

describe('startRefresh', () => {
  it('takes the first token from the cache, then refreshes fresh ones ahead of expiry until stopped', async () => {
    const timers = manualTimers();
    let now = 0;
    const calls: boolean[] = [];
    const refreshed: number[] = [];
    const stop = startRefresh({
      getToken: async (fresh) => {
        calls.push(fresh);
        return { expiresAt: now + 300_000 };
      },
      now: () => now,
      onRefreshed: (t) => refreshed.push(t.expiresAt),
      setTimer: timers.setTimer,
      clearTimer: timers.clearTimer,
    });
    await flush();
    expect(calls).toEqual([false]);
    expect(timers.pending[0]?.ms).toBe(240_000);
    now = 240_000;
    await timers.fireLast();
    expect(calls).toEqual([false, true]);
    expect(refreshed).toEqual([540_000]);
    stop();
    expect(timers.pending[timers.pending.length - 1]?.cleared).toBe(true);
  });

  it('reports a failed refresh and tries again later', async () => {
    const timers = manualTimers();
    const errors: unknown[] = [];
    let fail = true;
    startRefresh({
      getToken: async () => {
        if (fail) throw new Error('token server down');
        return { expiresAt: 1_000_000 };
      },
      now: () => 0,
      onError: (e) => errors.push(e),
      retryDelayMs: 30_000,
      setTimer: timers.setTimer,
      clearTimer: timers.clearTimer,
    });
    await flush();
    expect(errors).toHaveLength(1);
    expect(timers.pending[0]?.ms).toBe(30_000);
    fail = false;
    await timers.fireLast();
    expect(errors).toHaveLength(1);
    expect(timers.pending).toHaveLength(2);
  });
});
