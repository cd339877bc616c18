/** Answers the first screen's calls once at start-up, so the first window's own calls find warm code and data already read. */
import { FIRST_SCREEN_CALLS } from '../contract/first-screen';
import type { Dispatcher } from './dispatch';

/** How long start-up waits for the priming before going on without it (a keychain that takes long to answer must not hold the app back). */
export const PRIME_WAIT_MS = 1500;

/**
 * Calls the first screen's methods through the dispatcher (as a window would) and resolves when
 * they have answered or `waitMs` has passed, whichever is first. Never rejects: a failure is the
 * window's to show when it asks.
 */
export async function primeFirstScreen(dispatcher: Dispatcher, waitMs = PRIME_WAIT_MS): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const waited = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, waitMs);
    timer.unref();
  });
  const answered = Promise.all(FIRST_SCREEN_CALLS.map((name) => dispatcher.call(name, {}).catch(() => undefined))).then(() => undefined);
  await Promise.race([answered, waited]);
  clearTimeout(timer);
}
