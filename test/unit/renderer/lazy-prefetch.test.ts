/** Lazy views and the idle prefetch: what the window loads after the first screen, in which order, and after a failed load. */
import { describe, expect, it } from 'vitest';
import { ChunkLoadError, lazyView, nextToPrefetch } from '../../../renderer/src/lazy/lazyView';
import { prefetchWhenIdle, type IdleScheduler } from '../../../renderer/src/lazy/prefetchWhenIdle';

/** An idle scheduler the test drives: each idle() runs the tasks queued so far and lets their loads settle. */
function idleQueue() {
  const queue: Array<() => void> = [];
  const schedule: IdleScheduler = (task) => queue.push(task);
  const idle = async () => {
    for (const task of queue.splice(0)) task();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { schedule, idle, pending: () => queue.length };
}

function View() {
  return null;
}

describe('lazy views and the idle prefetch', () => {
  it('loads nothing before the window is idle, then one chunk per idle period, the likely next views first, each once', async () => {
    const loads: string[] = [];
    const counting = (name: string) => () => {
      loads.push(name);
      return Promise.resolve(View);
    };
    lazyView(counting('settings'));
    const version = lazyView(counting('version'), 'next');
    lazyView(counting('dialog'));
    lazyView(counting('readme'), 'next');
    const { schedule, idle, pending } = idleQueue();

    // The user opened a version before the prefetch started: its chunk is not fetched twice.
    await version.preload();
    prefetchWhenIdle(nextToPrefetch, schedule);
    expect(loads).toEqual(['version']);
    await idle();
    expect(loads).toEqual(['version', 'readme']);
    await idle();
    await idle();
    expect(loads).toEqual(['version', 'readme', 'settings', 'dialog']);
    await idle();
    expect(pending()).toBe(0);
    await version.preload();
    expect(loads).toHaveLength(4);
  });

  it('skips a chunk that failed to load and fetches it again when the view is opened', async () => {
    let attempts = 0;
    const flaky = lazyView(() => (++attempts === 1 ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : Promise.resolve(View)));
    const after = lazyView(() => Promise.resolve(View));
    const { schedule, idle } = idleQueue();
    prefetchWhenIdle(nextToPrefetch, schedule);
    await idle();
    await idle();
    expect(attempts).toBe(1);
    expect(nextToPrefetch()).toBeUndefined();
    await expect(after.preload()).resolves.toEqual({ default: View });

    await expect(flaky.preload()).resolves.toEqual({ default: View });
    expect(attempts).toBe(2);
  });

  it('says a failed load is a chunk that did not load, with the browser’s reason', async () => {
    const broken = lazyView(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module: app://chartdesk/assets/x.js')));
    const error = await broken.preload().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChunkLoadError);
    expect((error as Error).message).toContain('Failed to fetch dynamically imported module');
  });
});
