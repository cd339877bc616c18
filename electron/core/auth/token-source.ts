/** Turns a challenge into a token target and gets a token for it: from the cache or the token server. */
import { ChartDeskError } from '../errors';
import type { HttpResponse } from '../http/client';
import type { TraceRecorder } from '../http/trace';
import { parseChallenges, type Challenge } from './challenge';
import { partitionOf, type Engine, type TokenTarget } from './engine';
import { checkRealmOrigin, checkRealmUrl } from './origins';
import { defaultScopes, formatScopes, parseScopes, scopesForOperation, type ResourceScope } from './scope';
import { requestToken } from './token-request';
import type { FlowCredentials, FlowRepo, TokenInfo } from './types';

/** A token target with its parsed scopes. */
export interface ResolvedTarget extends TokenTarget {
  scopes: ResourceScope[];
  realmOrigin: string;
}

/** The challenges of a 401 response (typed error when absent or garbled). */
export function challengesOf(res: HttpResponse): Challenge[] {
  const raw = res.rawHeaders['www-authenticate'];
  if (raw === undefined) {
    throw new ChartDeskError('challenge-malformed', 'challenge', 'The repo answered 401 without a WWW-Authenticate challenge, so ChartDesk cannot tell how to authenticate.');
  }
  return parseChallenges(raw);
}

/** How a challenge is read into a target. */
export interface ResolveOptions {
  /** The scopes the request needs, used when the challenge names none (default: ChartMuseum's scope for the repo URL). */
  scopeHint?: readonly ResourceScope[] | undefined;
  /** No credential will be sent (anonymous token): any realm may be asked, no approval needed. */
  anonymous?: boolean;
}

/** Reads the Bearer challenge into a target the repo's secret may be sent to (checks the realm origin unless anonymous). */
export function resolveTarget(bearer: Challenge, repo: FlowRepo, operation: 'pull' | 'push', options: ResolveOptions = {}): ResolvedTarget {
  const realm = checkRealmUrl(bearer.params.realm);
  const realmOrigin = options.anonymous ? new URL(realm).origin : checkRealmOrigin(repo, realm);
  const named = bearer.params.scope ? parseScopes(bearer.params.scope) : [];
  const fallback = options.scopeHint ? [...options.scopeHint] : defaultScopes(repo.url, operation);
  const scopes = scopesForOperation(named.length ? named : fallback, operation);
  const target: ResolvedTarget = { realm, realmOrigin, scope: formatScopes(scopes), scopes };
  if (bearer.params.service !== undefined) target.service = bearer.params.service;
  if (options.anonymous) target.anonymous = true;
  return target;
}

/** Options of obtainToken. */
export interface ObtainOptions {
  repo: FlowRepo;
  credentials: () => Promise<FlowCredentials>;
  trace: TraceRecorder;
  signal?: AbortSignal;
  /** Skip the cache. */
  fresh?: boolean;
}

/** A token for `target`: a cached one unless `fresh`, else a new one from the token server (then cached). */
export async function obtainToken(engine: Engine, target: ResolvedTarget, options: ObtainOptions): Promise<{ token: TokenInfo; fresh: boolean }> {
  if (!options.fresh) {
    const cached = engine.cache.get({ partition: partitionOf(options.repo), ...target }, engine.now());
    if (cached) {
      options.trace.note('token', `Reused a cached token for ${target.scope} (expires in ${Math.round((cached.expiresAt - engine.now()) / 1000)} s).`);
      return { token: cached, fresh: false };
    }
  }
  const credentials = target.anonymous ? {} : await options.credentials();
  const identityToken = options.repo.auth.mode === 'identity-token';
  // An identity token is an OAuth2 refresh token: only dialect C (the POST form) can trade it.
  const configured = identityToken ? 'C' : options.repo.auth.dialect;
  const dialect = configured === 'auto' ? (engine.dialects.get(target.realm) ?? 'auto') : configured;
  const token = await requestToken(
    engine.http,
    options.trace,
    {
      realm: target.realm,
      ...(target.service !== undefined ? { service: target.service } : {}),
      scopes: target.scopes,
      dialect,
      credentials,
      ...(identityToken ? { grant: 'refresh_token' as const } : {}),
      ...(options.repo.auth.clientId ? { clientId: options.repo.auth.clientId } : {}),
      tls: options.repo.tls,
      ...(options.signal ? { signal: options.signal } : {}),
    },
    engine.now,
  );
  engine.dialects.set(target.realm, token.dialect);
  engine.cache.set(partitionOf(options.repo), token);
  return { token, fresh: true };
}
