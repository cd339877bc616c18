/** Thins out download progress callbacks to a rate a UI can use. */

/** A progress callback: bytes so far, and the total when the server announced it. */
export type ProgressCallback = (receivedBytes: number, totalBytes: number | undefined) => void;

/**
 * Wraps `emit` so it fires on the first call, then at most once per `intervalMs`, and always when
 * the download completes (received equals the announced total).
 */
export function throttleProgress(emit: ProgressCallback, now: () => number, intervalMs = 100): ProgressCallback {
  let last = Number.NEGATIVE_INFINITY;
  return (received, total) => {
    const complete = total !== undefined && received >= total;
    const at = now();
    if (!complete && at - last < intervalMs) return;
    last = at;
    emit(received, total);
  };
}
