/** Redirect handling: a hop limit, http(s) only, credentials dropped when the origin changes. */
import { ChartDeskError } from '../errors';
import type { TraceRecorder } from './trace';

/** One request as it moves through redirects. */
export interface Hop {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: Uint8Array | string | undefined;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Headers minus the named ones (case-insensitive). */
export function withoutHeaders(headers: Record<string, string>, names: readonly string[]): Record<string, string> {
  const drop = new Set(names.map((n) => n.toLowerCase()));
  return Object.fromEntries(Object.entries(headers).filter(([n]) => !drop.has(n.toLowerCase())));
}

/** What nextHop needs besides the response. */
export interface RedirectPolicy {
  step: string;
  /** Hops taken so far. */
  hop: number;
  maxRedirects: number;
  /** Headers holding credentials (besides Authorization and Cookie). */
  credentialHeaders: readonly string[];
  /** Refuse a redirect to another origin (the request carries a key or password, maybe in its body). */
  sameOriginOnly?: boolean;
  trace: TraceRecorder;
}

/** The next request after a response, or undefined when the response is final. Throws past the limit. */
export function nextHop(status: number, location: string | undefined, current: Hop, policy: RedirectPolicy): Hop | undefined {
  if (!REDIRECTS.has(status) || !location) return undefined;
  const origin = new URL(current.url).origin;
  if (policy.hop >= policy.maxRedirects) {
    throw new ChartDeskError('http', policy.step, `${origin} redirected more than ${policy.maxRedirects} times.`, { hint: 'The server may be misconfigured (a redirect loop).' });
  }
  let next: URL;
  try {
    next = new URL(location, current.url);
  } catch {
    throw new ChartDeskError('http', policy.step, `${origin} redirected to an address that is not a URL.`);
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    throw new ChartDeskError('http', policy.step, `${origin} redirected to an unsupported address (${next.protocol.slice(0, 20)}).`);
  }
  let { method, headers, body } = current;
  if (next.origin !== origin && policy.sameOriginOnly) {
    throw new ChartDeskError('http', policy.step, `${origin} redirected to ${next.origin}; ChartDesk does not send this request’s credentials to another origin.`, {
      hint: 'The token server sent ChartDesk elsewhere; the repo’s challenge should name the token server’s final address.',
    });
  }
  if (next.origin !== origin) {
    headers = withoutHeaders(headers, ['authorization', 'cookie', ...policy.credentialHeaders]);
    policy.trace.note('redirect', `Redirected to ${next.origin}: credentials are not sent to another origin.`);
  }
  if (status === 303 || ((status === 301 || status === 302) && method === 'POST')) {
    method = method === 'HEAD' ? 'HEAD' : 'GET';
    body = undefined;
    headers = withoutHeaders(headers, ['content-type', 'content-length']);
  }
  return { url: next.toString(), method, headers, body };
}
