/** One undici request whose wait for response headers is bounded as a whole (proxy tunnel included). */
import { request, type Dispatcher } from 'undici';
import { ChartDeskError } from '../errors';
import { discardBody } from './body';
import { mapNetworkError, type TimeoutLimits } from './errors';

/** What one guarded request needs. */
export interface GuardedRequest {
  dispatcher: Dispatcher;
  url: string;
  method: string;
  headers: Record<string, string>;
  body: Uint8Array | string | undefined;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  /** Upper bound for connect + proxy tunnel + headers. */
  totalHeadersMs: number;
  step: string;
  signal?: AbortSignal | undefined;
  /** The timeouts, for the words of a timeout error. */
  limits?: TimeoutLimits;
}

/**
 * Sends the request and resolves with its headers (the body still streaming), or rejects with a
 * ChartDeskError. `release()` must be called once the body is read: it detaches the caller's signal.
 */
export async function guardedRequest(req: GuardedRequest): Promise<{ response: Dispatcher.ResponseData; release: () => void }> {
  const origin = new URL(req.url).origin;
  const guard = new AbortController();
  const onAbort = () => guard.abort(req.signal?.reason);
  const release = () => req.signal?.removeEventListener('abort', onAbort);
  req.signal?.addEventListener('abort', onAbort, { once: true });
  if (req.signal?.aborted) guard.abort(req.signal.reason);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    guard.abort(new Error('headers timeout'));
  }, req.totalHeadersMs);
  let pending: Promise<Dispatcher.ResponseData> | undefined;
  try {
    pending = request(req.url, {
      dispatcher: req.dispatcher,
      method: req.method as Dispatcher.HttpMethod,
      headers: req.headers,
      body: req.body ?? null,
      headersTimeout: req.headersTimeoutMs,
      bodyTimeout: req.bodyTimeoutMs,
      signal: guard.signal,
    });
    pending.catch(() => undefined);
    // undici does not abort a request still waiting for a proxy tunnel: stop waiting for it ourselves.
    const aborted = new Promise<never>((_resolve, reject) => guard.signal.addEventListener('abort', () => reject(guard.signal.reason), { once: true }));
    return { response: await Promise.race([pending, aborted]), release };
  } catch (error) {
    release();
    // A response that arrives after we gave up is drained so its connection is freed.
    pending?.then((late) => discardBody(late.body), () => undefined);
    if (timedOut) {
      throw new ChartDeskError('timeout', req.step, `${origin} took too long to answer (more than ${Math.round(req.totalHeadersMs / 100) / 10} s).`, { hint: 'Check that the server (and any proxy) is up and reachable; the timeouts are in Settings.', cause: error });
    }
    throw mapNetworkError(error, req.step, origin, req.signal, req.limits);
  } finally {
    clearTimeout(timer);
  }
}
