/** The state the flow shares between requests: HTTP client, token cache and what challenges taught it. */
import type { HttpClient, HttpRequest, HttpResponse } from '../http/client';
import type { TraceRecorder } from '../http/trace';
import type { TokenCache } from './token-cache';
import { formatScopes, type ResourceScope } from './scope';
import type { Dialect, FlowRepo, FlowRequest } from './types';

/** Where a repo's tokens come from, learnt from its last challenge. */
export interface TokenTarget {
  realm: string;
  service?: string;
  /** Scope string as sent to the token server. */
  scope: string;
  /** True when tokens are asked for without credentials (a public registry's anonymous pull token): no secret goes to the realm. */
  anonymous?: boolean;
}

/** Shared engine state. */
export interface Engine {
  http: HttpClient;
  cache: TokenCache;
  now: () => number;
  /** Last token target per (repo URL, operation). */
  targets: Map<string, TokenTarget>;
  /** The dialect that worked per realm, so 'auto' does not probe again. */
  dialects: Map<string, Dialect>;
  /** Partitions whose server asked for Basic instead of a token (htpasswd registries): Basic goes at once next time. */
  basic: Set<string>;
}

/**
 * A target for `scopeHint` on the token server another request of the same repo and operation was
 * sent to (a registry names one token server for all its repositories), or undefined.
 */
export function siblingTarget(engine: Engine, repo: FlowRepo, operation: 'pull' | 'push', scopeHint: readonly ResourceScope[]): TokenTarget | undefined {
  const prefix = `${partitionOf(repo)}|${operation}`;
  for (const [key, target] of engine.targets) {
    if (key === prefix || key.startsWith(`${prefix}|`)) return { ...target, scope: formatScopes(scopeHint) };
  }
  return undefined;
}

/** The token-cache partition of a repo: its id when it has one, else its URL (one-off CLI use). */
export function partitionOf(repo: FlowRepo): string {
  return repo.id ? `id:${repo.id}` : `url:${repo.url.replace(/\/+$/, '')}`;
}

/** The key of a repo's remembered token target, per operation and, when the request names them, per resource scopes. */
export function targetKey(repo: FlowRepo, operation: 'pull' | 'push', scopeHint?: readonly ResourceScope[]): string {
  return `${partitionOf(repo)}|${operation}${scopeHint ? `|${formatScopes(scopeHint)}` : ''}`;
}

/** Sends one repo request with an optional credential header. */
export function sendRepoRequest(
  engine: Engine,
  req: FlowRequest,
  trace: TraceRecorder,
  step: string,
  credential?: { name: string; value: string },
  secrets: string[] = [],
): Promise<HttpResponse> {
  const headers: Record<string, string> = { ...req.headers };
  for (const name of Object.keys(headers)) if (name.toLowerCase() === 'authorization') delete headers[name];
  if (credential) headers[credential.name] = credential.value;
  const http: HttpRequest = {
    step,
    method: (req.method ?? 'GET').toUpperCase(),
    url: req.url,
    headers,
    tls: req.repo.tls,
    credentialHeaders: credential ? [credential.name] : [],
    secrets,
  };
  if (req.body !== undefined) http.body = req.body;
  if (req.signal) http.signal = req.signal;
  if (req.maxBytes !== undefined) http.maxBytes = req.maxBytes;
  if (req.keepEncoded) http.keepEncoded = true;
  if (req.onProgress) http.onProgress = req.onProgress;
  return engine.http.send(http, trace);
}
