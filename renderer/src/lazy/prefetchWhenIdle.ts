/** Runs `task` when the page is idle. */
export type IdleScheduler = (task: () => void) => void;

/** requestIdleCallback where there is one (Chromium, Electron; at most 2 s late), a short timer elsewhere. */
export const whenIdle: IdleScheduler = (task) => {
  if (typeof window.requestIdleCallback === 'function') window.requestIdleCallback(task, { timeout: 2000 });
  else window.setTimeout(task, 200);
};

/**
 * Loads chunks one at a time in idle periods, each taken from `next` (undefined: done), so a view
 * opened later does not wait for its code. A failed load is skipped; rendering the view tries again.
 */
export function prefetchWhenIdle(next: () => (() => Promise<unknown>) | undefined, schedule: IdleScheduler = whenIdle): void {
  const step = () => {
    const load = next();
    if (!load) return;
    void load()
      .catch(() => undefined)
      .then(() => schedule(step));
  };
  schedule(step);
}
