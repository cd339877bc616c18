/** The flow engine's public types (see .tmp/api-flow.md): what callers pass in and get back. */
import type { z } from 'zod';
import type { RepoAuth, RepoTls } from '../../contract/repos';
import type { Logger } from '../log';
import type { TraceEntry } from '../http/trace';
import type { HttpClientOptions, HttpDefaults } from '../http/options';
import type { HttpClient } from '../http/client';
import type { TokenCache } from './token-cache';
import type { ResourceScope } from './scope';

export type { TraceEntry } from '../http/trace';
export type { HttpClientOptions } from '../http/options';

/** The parts of a Repo (electron/contract/repos.ts) the flow needs. */
export interface FlowRepo {
  /** The repo's id, when stored: partitions the token cache so repos never share tokens. */
  id?: string;
  url: string;
  auth: z.output<typeof RepoAuth>;
  tls: z.output<typeof RepoTls>;
  passCredentialsAll: boolean;
}

/** A repo's secret and user name, fetched only when needed. */
export interface FlowCredentials {
  secret?: string;
  username?: string;
}

/** The operation scope: push asks the token server for 'pull,push'. */
export type FlowScope = 'pull' | 'push';

/** Token request dialect actually used (protocol.md §4). */
export type Dialect = 'A' | 'B' | 'C';

/** One request through the full 401 -> token -> retry flow. */
export interface FlowRequest {
  repo: FlowRepo;
  /** Called only when a credential is needed. */
  credentials: () => Promise<FlowCredentials>;
  /** Default GET. */
  method?: string;
  /** Absolute URL. */
  url: string;
  headers?: Record<string, string>;
  body?: Uint8Array;
  /** push => token scope 'pull,push'. Default pull. */
  scope?: FlowScope;
  signal?: AbortSignal;
  /** Response size cap in bytes, on the wire and after decoding (throws kind 'too-large'). */
  maxBytes?: number;
  /** Also return the body as received when a content coding was decoded (FlowResponse.encodedBody). */
  keepEncoded?: boolean;
  onProgress?: (receivedBytes: number, totalBytes: number | undefined) => void;
  /** Token-server mode only: when the repo challenges Basic instead of Bearer, answer with Basic (CLI one-off use, registries). */
  followChallengeScheme?: boolean;
  /**
   * The resource scopes this request needs (a registry's `repository:<name>:pull`), when the caller
   * knows them: tokens are remembered per scope, so a cached one is used without a new challenge,
   * and they are asked for when a challenge names no scope. An empty list asks for a token without scope.
   */
  scopeHint?: ResourceScope[];
}

/** The request whose challenge names a repo's token server (default: HEAD on the repo's index.yaml). */
export interface TokenProbe {
  url: string;
  method?: string;
  scopeHint?: ResourceScope[];
  /** For push, when the probe needs no token (anonymous reads): an empty POST here shows the upload route's challenge (ChartMuseum checks auth first). */
  pushFallback?: { url: string; method: string };
}

/** A token the flow obtained, with what it was asked for. */
export interface TokenInfo {
  token: string;
  realm: string;
  service?: string;
  /** The scope string sent to the token server (space-separated resource scopes). */
  scope: string;
  dialect: Dialect;
  /** ms since epoch. */
  expiresAt: number;
  /** ms since epoch (JWT iat or the token server's issued_at), when known. */
  issuedAt?: number;
}

/** The final response of a flow; non-2xx statuses are returned, auth failures throw. */
export interface FlowResponse {
  status: number;
  /** Response headers, names lower-cased. */
  headers: Record<string, string>;
  /** The body, its content codings decoded. */
  body: Buffer;
  /** The content codings the server applied (e.g. "gzip"), when it compressed the body. */
  encoding?: string;
  /** The body as received, when the request set keepEncoded and a coding was decoded. */
  encodedBody?: Buffer;
  trace: TraceEntry[];
  token?: TokenInfo;
}

/** Arguments of FlowClient.token. */
export interface FlowTokenRequest {
  repo: FlowRepo;
  credentials: FlowRequest['credentials'];
  scope?: FlowScope;
  signal?: AbortSignal;
  /** Skip the cache and always ask the token server. */
  fresh?: boolean;
  /** Where to get the challenge from (registries); default HEAD <repo>/index.yaml. */
  probe?: TokenProbe;
  /** Answer a Basic challenge with Basic instead of failing (registries with htpasswd). */
  followChallengeScheme?: boolean;
}

/** The engine: requests through the auth flow and token look-ups. */
export interface FlowClient {
  /** Full 401 -> token -> retry flow; non-2xx statuses are returned, not thrown, except auth failures which throw typed errors. */
  request(req: FlowRequest): Promise<FlowResponse>;
  /** Probes the repo's index.yaml to get the challenge, then asks the token server (or the cache). */
  token(req: FlowTokenRequest): Promise<{ token: TokenInfo; trace: TraceEntry[] }>;
  /** Forgets the repo's cached tokens and token targets (call when its credentials or URL change). */
  forget(repo: FlowRepo): void;
  /**
   * Asks the token server the repo's last challenge named for tokens covering many resource scopes at
   * once (a registry's repositories, in batches), so the requests that follow need no challenge of
   * their own. Resolves false, asking nothing, when no token server is known for the repo yet;
   * failures are left for the requests themselves to report.
   */
  prefetchTokens(req: { repo: FlowRepo; credentials: FlowRequest['credentials']; scope?: FlowScope; scopes: readonly ResourceScope[][] }): Promise<boolean>;
  /** Keeps the repo's cached tokens fresh ahead of expiry while it is in use; call the returned function to stop. */
  keepFresh(req: FlowTokenRequest, onRefreshed?: (token: TokenInfo) => void, onError?: (error: unknown) => void): () => void;
  /** The flow's HTTP client, for plain requests that need no repo auth (a JWKS document...). */
  readonly http: HttpClient;
  /** Closes connections held by the HTTP client. */
  close(): Promise<void>;
}

/** What createFlowClient needs. */
export interface FlowDeps {
  /** e.g. 'ChartDesk/0.1.0'. */
  userAgent: string;
  now?: () => number;
  log?: Logger;
  tokenCache?: TokenCache;
  http?: HttpClientOptions;
  /** Environment for proxy variables (HTTPS_PROXY, HTTP_PROXY, NO_PROXY); default process.env. */
  env?: NodeJS.ProcessEnv;
  /** An HTTP client to share (default: one built from userAgent, http and env). */
  httpClient?: HttpClient;
  /** The user's network defaults (Settings), read on every request. */
  httpDefaults?: () => HttpDefaults;
}
