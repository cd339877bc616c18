/** Keeps a token fresh while a repo is in use: refreshes ahead of expiry until stopped. */

/** What the scheduler needs; timers are injectable for tests. */
export interface RefreshOptions<T extends { expiresAt: number }> {
  /** Gets a token; `fresh` forces a new one from the token server. */
  getToken(fresh: boolean): Promise<T>;
  now: () => number;
  onRefreshed?: (token: T) => void;
  onError?: (error: unknown) => void;
  /** Refresh this long before expiry at most (default 60 s; never more than a fifth of the lifetime). */
  leadMs?: number;
  /** Never wait less than this between attempts (default 5 s). */
  minDelayMs?: number;
  /** Wait after a failed attempt (default 30 s). */
  retryDelayMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** The longest delay a Node timer takes; a longer one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** When to refresh a token that expires at `expiresAt`, having been obtained at `obtainedAt` (capped to what a timer can wait). */
export function refreshDelay(expiresAt: number, obtainedAt: number, leadMs: number, minDelayMs: number): number {
  const lifetime = Math.max(0, expiresAt - obtainedAt);
  const lead = Math.min(leadMs, lifetime / 5);
  return Math.min(MAX_TIMER_MS, Math.max(minDelayMs, expiresAt - lead - obtainedAt));
}

/** Starts refreshing; the first token comes from the cache when it can. Returns the stop function. */
export function startRefresh<T extends { expiresAt: number }>(options: RefreshOptions<T>): () => void {
  const setTimer =
    options.setTimer ??
    ((fn: () => void, ms: number) => {
      const timer = setTimeout(fn, ms);
      timer.unref?.();
      return timer;
    });
  const clearTimer = options.clearTimer ?? ((handle: unknown) => clearTimeout(handle as NodeJS.Timeout));
  const leadMs = options.leadMs ?? 60_000;
  const minDelayMs = options.minDelayMs ?? 5_000;
  const retryDelayMs = options.retryDelayMs ?? 30_000;
  let stopped = false;
  let handle: unknown;

  const run = async (fresh: boolean) => {
    if (stopped) return;
    try {
      const token = await options.getToken(fresh);
      if (stopped) return;
      if (fresh) options.onRefreshed?.(token);
      const now = options.now();
      handle = setTimer(() => void run(true), refreshDelay(token.expiresAt, now, leadMs, minDelayMs));
    } catch (error) {
      if (stopped) return;
      handle = setTimer(() => void run(true), retryDelayMs);
      try {
        options.onError?.(error);
      } catch {
        // a failing error handler must not stop the refresh or reject unhandled
      }
    }
  };
  void run(false);
  return () => {
    stopped = true;
    if (handle !== undefined) clearTimer(handle);
  };
}
