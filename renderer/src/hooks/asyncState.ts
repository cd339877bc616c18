/** The state of one asynchronous load, and turning a promise into it (no React here: the early entry uses it too). */

/** The state of one asynchronous load. */
export type AsyncState<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: Error };

/** The loading state (one shared object). */
export const LOADING = { status: 'loading' } as const;

/** Resolves to the promise's outcome as a state; never rejects. */
export function settle<T>(promise: Promise<T>): Promise<AsyncState<T>> {
  return promise.then(
    (value) => ({ status: 'ready', value }),
    (error: unknown) => ({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
  );
}
