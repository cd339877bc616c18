/** The one HTTP client: undici with timeouts, size caps, safe redirects and a redacted trace. */
import type { Dispatcher } from 'undici';
import { guardedRequest } from './guarded-request';
import { ChartDeskError } from '../errors';
import { createDispatcherPool, proxyFromEnv, type TlsSettings } from './dispatcher';
import { mapNetworkError } from './errors';
import { resolveHttpOptions, type HttpClientOptions, type HttpDefaults, type ResolvedHttpOptions } from './options';
import { readCappedBody } from './body';
import { redactHeaders, redactUrl } from './redact';
import { nextHop, type Hop } from './redirects';
import type { TraceRecorder } from './trace';

/** One HTTP exchange to make. */
export interface HttpRequest {
  /** Flow step named in the trace and in errors ('challenge', 'token', 'retry', ...). */
  step: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: Uint8Array | string;
  tls?: TlsSettings;
  /** Response size cap; default from the client options. */
  maxBytes?: number;
  signal?: AbortSignal;
  onProgress?: (receivedBytes: number, totalBytes: number | undefined) => void;
  /** Headers that carry a credential: masked in the trace, dropped on cross-origin redirects. */
  credentialHeaders?: string[];
  /** Known secrets to scrub from traced text. */
  secrets?: string[];
  /**
   * The request carries an API key or password (a token-server request): its credential headers
   * are hidden whole in the trace, and it never follows a redirect to another origin.
   */
  carriesKey?: boolean;
  /** A sentence for the trace entry. */
  note?: string;
}

/** A received response (after redirects). */
export interface HttpResponse {
  status: number;
  /** Header names lower-cased; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Header values as received (repeated headers as arrays). */
  rawHeaders: Record<string, string | string[]>;
  body: Buffer;
  /** The URL that answered (differs from the request URL after redirects). */
  url: string;
}

/** Sends requests; every exchange goes into the given trace. */
export interface HttpClient {
  send(req: HttpRequest, trace: TraceRecorder): Promise<HttpResponse>;
  close(): Promise<void>;
}

/** What createHttpClient needs. */
export interface HttpClientDeps {
  userAgent: string;
  options?: HttpClientOptions;
  env?: NodeJS.ProcessEnv;
  /** The user's defaults (Settings), read on every request; `options` win over them. */
  defaults?: () => HttpDefaults;
}

const REQUEST_HEADERS = ['authorization', 'content-type', 'content-length', 'accept', 'if-none-match', 'if-modified-since'];
const RESPONSE_HEADERS = ['www-authenticate', 'content-type', 'content-length', 'date', 'location', 'etag', 'last-modified'];

function flatten(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

/** Creates the client; dispatchers (per TLS setting, proxy-aware) live until close(). */
export function createHttpClient(deps: HttpClientDeps): HttpClient {
  const envProxy = proxyFromEnv(deps.env ?? process.env);
  const current = (): { options: ResolvedHttpOptions; defaults: HttpDefaults } => {
    const defaults = deps.defaults?.() ?? {};
    const { connectTimeoutMs, headersTimeoutMs, bodyTimeoutMs } = defaults;
    return { options: resolveHttpOptions({ ...{ connectTimeoutMs, headersTimeoutMs, bodyTimeoutMs }, ...deps.options }), defaults };
  };
  const pool = createDispatcherPool(() => {
    const { options, defaults } = current();
    return { proxy: defaults.proxy ?? envProxy, connectTimeoutMs: options.connectTimeoutMs, extraCaFile: defaults.extraCaFile };
  });

  async function exchange(req: HttpRequest, url: string, method: string, headers: Record<string, string>, body: HttpRequest['body'], trace: TraceRecorder, options: ResolvedHttpOptions) {
    const origin = new URL(url).origin;
    const limits = { connectMs: options.connectTimeoutMs, headersMs: options.headersTimeoutMs, bodyMs: options.bodyTimeoutMs };
    const credentialHeaders = ['authorization', ...(req.credentialHeaders ?? [])];
    const started = performance.now();
    const tls = req.tls ?? {};
    const entry = {
      step: req.step,
      method,
      url: redactUrl(url),
      requestHeaders: redactHeaders(headers, REQUEST_HEADERS, credentialHeaders, req.secrets, req.carriesKey === true),
    };
    if (tls.insecureSkipVerify && url.startsWith('https:')) {
      trace.note(req.step, `TLS certificate verification is turned off for ${origin}.`, 'insecure: the server’s identity is not checked');
    }
    let response: Dispatcher.ResponseData;
    let release: () => void;
    try {
      ({ response, release } = await guardedRequest({
        dispatcher: pool.get(tls),
        url,
        method,
        headers,
        body,
        headersTimeoutMs: options.headersTimeoutMs,
        bodyTimeoutMs: options.bodyTimeoutMs,
        totalHeadersMs: options.connectTimeoutMs + options.headersTimeoutMs,
        step: req.step,
        signal: req.signal,
        limits,
      }));
    } catch (error) {
      const mapped = mapNetworkError(error, req.step, origin, req.signal, limits);
      trace.add({ ...entry, responseHeaders: {}, durationMs: Math.round(performance.now() - started), bytes: 0, note: mapped.message });
      throw mapped;
    }
    const rawHeaders = response.headers as Record<string, string | string[]>;
    const flat = flatten(rawHeaders);
    const limit = req.maxBytes ?? options.maxBytes;
    let received: Buffer;
    try {
      received = method === 'HEAD' ? Buffer.alloc(0) : await readCappedBody(response.body, flat['content-length'], limit, req.onProgress, { windowMs: options.slowBodyWindowMs, minBytes: options.slowBodyMinBytes });
    } catch (error) {
      const mapped = error instanceof ChartDeskError ? new ChartDeskError(error.kind, req.step, error.message, { hint: error.hint, cause: error }) : mapNetworkError(error, req.step, origin, req.signal, limits);
      trace.add({ ...entry, status: response.statusCode, responseHeaders: redactHeaders(rawHeaders, RESPONSE_HEADERS, [], req.secrets), durationMs: Math.round(performance.now() - started), bytes: 0, note: mapped.message });
      throw mapped;
    } finally {
      release();
    }
    trace.add({
      ...entry,
      status: response.statusCode,
      responseHeaders: redactHeaders(rawHeaders, RESPONSE_HEADERS, [], req.secrets),
      durationMs: Math.round(performance.now() - started),
      bytes: received.length,
      ...(req.note ? { note: req.note } : {}),
    });
    return { status: response.statusCode, headers: flat, rawHeaders, body: received, url };
  }

  return {
    async send(req, trace) {
      const { options } = current();
      let hop: Hop = { url: req.url, method: req.method.toUpperCase(), headers: { 'user-agent': deps.userAgent, ...req.headers }, body: req.body };
      for (let count = 0; ; count++) {
        const res = await exchange(req, hop.url, hop.method, hop.headers, hop.body, trace, options);
        const policy = { step: req.step, hop: count, maxRedirects: options.maxRedirects, credentialHeaders: req.credentialHeaders ?? [], sameOriginOnly: req.carriesKey === true, trace };
        const next = nextHop(res.status, res.headers.location, hop, policy);
        if (!next) return res;
        hop = next;
      }
    },
    close: () => pool.close(),
  };
}
