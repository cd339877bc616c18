import type { ProxySettings } from './dispatcher';

/**
 * Defaults the user chose (Settings), read on every request so a change applies at once. Options
 * given in code (HttpClientOptions) and a repo's own TLS settings still win over them.
 */
export interface HttpDefaults {
  connectTimeoutMs?: number;
  headersTimeoutMs?: number;
  bodyTimeoutMs?: number;
  /** A proxy for every request instead of the environment's HTTPS_PROXY/HTTP_PROXY/NO_PROXY. */
  proxy?: ProxySettings;
  /** A PEM file of extra CAs, trusted besides the built-in ones by requests without their own CA file. */
  extraCaFile?: string;
}

/** Tunables of the HTTP client; every field has a safe default. */
export interface HttpClientOptions {
  /** TCP+TLS connect timeout, ms (default 10 000). */
  connectTimeoutMs?: number;
  /** Time to the response headers, ms (default 30 000). */
  headersTimeoutMs?: number;
  /** Longest pause between body chunks, ms (default 60 000). */
  bodyTimeoutMs?: number;
  /** Default response size cap, bytes (default 256 MiB). */
  maxBytes?: number;
  /** Most redirects followed (default 5). */
  maxRedirects?: number;
  /** A body that delivers fewer than slowBodyMinBytes in any such window is given up on, ms (default 30 000): a trickle never trips bodyTimeoutMs. */
  slowBodyWindowMs?: number;
  /** The least a body must deliver per slowBodyWindowMs, bytes (default 1024). */
  slowBodyMinBytes?: number;
}

/** Resolved HTTP options. */
export type ResolvedHttpOptions = Required<HttpClientOptions>;

/** Fills in defaults. */
export function resolveHttpOptions(options: HttpClientOptions = {}): ResolvedHttpOptions {
  return {
    connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
    headersTimeoutMs: options.headersTimeoutMs ?? 30_000,
    bodyTimeoutMs: options.bodyTimeoutMs ?? 60_000,
    maxBytes: options.maxBytes ?? 256 * 1024 * 1024,
    maxRedirects: options.maxRedirects ?? 5,
    slowBodyWindowMs: options.slowBodyWindowMs ?? 30_000,
    slowBodyMinBytes: options.slowBodyMinBytes ?? 1024,
  };
}
