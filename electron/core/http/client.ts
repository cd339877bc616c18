/** The one HTTP client: undici with timeouts, size caps, safe redirects and a redacted trace. */
import type { Dispatcher } from 'undici';
import { guardedRequest } from './guarded-request';
import { ChartDeskError } from '../errors';
import { createDispatcherPool, proxyFromEnv, type TlsSettings } from './dispatcher';
import { mapNetworkError } from './errors';
import { resolveHttpOptions, type HttpClientOptions, type HttpDefaults, type ResolvedHttpOptions } from './options';
import { discardBody, readBody, type ReadBody } from './body';
import { ACCEPT_ENCODING, parseContentEncoding } from './content-encoding';
import { redactHeaders, redactUrl, withoutUserInfo } from './redact';
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
  /** Also return the body as received when a content coding was decoded (HttpResponse.encodedBody). */
  keepEncoded?: boolean;
}

/** A received response (after redirects). */
export interface HttpResponse {
  status: number;
  /** Header names lower-cased; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Header values as received (repeated headers as arrays). */
  rawHeaders: Record<string, string | string[]>;
  /** The body, its content codings (Content-Encoding) decoded. */
  body: Buffer;
  /** The content codings the server applied, e.g. "gzip" (absent when it sent the body as is). */
  encoding?: string;
  /** The body as received, before decoding (only when the request set keepEncoded and a coding was decoded). */
  encodedBody?: Buffer;
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

const REQUEST_HEADERS = ['authorization', 'content-type', 'content-length', 'accept', 'accept-encoding', 'if-none-match', 'if-modified-since'];
const RESPONSE_HEADERS = ['www-authenticate', 'content-type', 'content-length', 'content-encoding', 'date', 'location', 'etag', 'last-modified'];

/** The request's headers with Accept-Encoding added, unless the caller chose one (chart packages ask for identity). */
function withAcceptEncoding(headers: Record<string, string>): Record<string, string> {
  return Object.keys(headers).some((name) => name.toLowerCase() === 'accept-encoding') ? headers : { ...headers, 'accept-encoding': ACCEPT_ENCODING };
}

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

  async function exchange(req: HttpRequest, given: string, method: string, headers: Record<string, string>, body: HttpRequest['body'], trace: TraceRecorder, options: ResolvedHttpOptions) {
    // User info in an address (from an index, a redirect, the command line) is never sent as a credential.
    const { url, hadUserInfo } = withoutUserInfo(given);
    if (hadUserInfo) trace.note(req.step, 'The address carried a user name or password; ChartDesk removed it and sends only the credentials configured for the repo.');
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
    let received: ReadBody;
    let encoding: string | undefined;
    try {
      const codings = method === 'HEAD' ? [] : parseContentEncoding(flat['content-encoding'], req.step);
      received =
        method === 'HEAD'
          ? { bytes: Buffer.alloc(0), wireBytes: 0 }
          : await readBody(response.body, {
              contentLength: flat['content-length'],
              maxBytes: limit,
              codings,
              keepEncoded: req.keepEncoded === true,
              ...(req.onProgress ? { onProgress: req.onProgress } : {}),
              slow: { windowMs: options.slowBodyWindowMs, minBytes: options.slowBodyMinBytes },
            });
      if (codings.length && received.wireBytes > 0) encoding = codings.join(', ');
    } catch (error) {
      const mapped = error instanceof ChartDeskError ? new ChartDeskError(error.kind, req.step, error.message, { hint: error.hint, cause: error }) : mapNetworkError(error, req.step, origin, req.signal, limits);
      trace.add({ ...entry, status: response.statusCode, responseHeaders: redactHeaders(rawHeaders, RESPONSE_HEADERS, [], req.secrets), durationMs: Math.round(performance.now() - started), bytes: 0, note: mapped.message });
      throw mapped;
    } finally {
      if (method !== 'HEAD') discardBody(response.body);
      release();
    }
    trace.add({
      ...entry,
      status: response.statusCode,
      responseHeaders: redactHeaders(rawHeaders, RESPONSE_HEADERS, [], req.secrets),
      durationMs: Math.round(performance.now() - started),
      bytes: received.bytes.length,
      ...(encoding ? { encoding, wireBytes: received.wireBytes } : {}),
      ...(req.note ? { note: req.note } : {}),
    });
    const res: HttpResponse = { status: response.statusCode, headers: flat, rawHeaders, body: received.bytes, url };
    if (encoding) res.encoding = encoding;
    if (received.encoded) res.encodedBody = received.encoded;
    return res;
  }

  return {
    async send(req, trace) {
      const { options } = current();
      let hop: Hop = { url: req.url, method: req.method.toUpperCase(), headers: withAcceptEncoding({ 'user-agent': deps.userAgent, ...req.headers }), body: req.body };
      for (let count = 0; ; count++) {
        const res = await exchange(req, hop.url, hop.method, hop.headers, hop.body, trace, options);
        const policy = { step: req.step, hop: count, maxRedirects: options.maxRedirects, credentialHeaders: req.credentialHeaders ?? [], sameOriginOnly: req.carriesKey === true, trace };
        const next = nextHop(res.status, res.headers.location, { ...hop, url: res.url }, policy);
        if (!next) return res;
        hop = next;
      }
    },
    close: () => pool.close(),
  };
}
