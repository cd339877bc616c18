/** Token-server mode: (cached token | probe) -> 401 challenge -> token -> retry, at most one fresh retry. */
import { ChartDeskError } from '../errors';
import type { HttpResponse } from '../http/client';
import type { TraceRecorder } from '../http/trace';
import { bearerHeader } from './credential-header';
import { diagnoseRejection } from './diagnose';
import { partitionOf, sendRepoRequest, siblingTarget, targetKey, type Engine, type TokenTarget } from './engine';
import { checkRealmOrigin } from './origins';
import { challengesOf, obtainToken, resolveTarget } from './token-source';
import type { FlowRequest, TokenInfo } from './types';

/** The final response and the token that got it. */
export interface TokenServerOutcome {
  response: HttpResponse;
  token?: TokenInfo;
}

/** What is remembered of a resolved target for the next request. */
export function rememberedTarget(target: TokenTarget): TokenTarget {
  return { realm: target.realm, scope: target.scope, ...(target.service !== undefined ? { service: target.service } : {}), ...(target.anonymous ? { anonymous: true } : {}) };
}

/** Runs one request in token-server mode; `onBasicChallenge` handles a repo that asks for Basic instead (CLI use). */
export async function tokenServerRequest(
  engine: Engine,
  req: FlowRequest,
  trace: TraceRecorder,
  onBasicChallenge?: () => Promise<TokenServerOutcome>,
): Promise<TokenServerOutcome> {
  const operation = req.scope ?? 'pull';
  const key = targetKey(req.repo, operation, req.scopeHint);
  const partition = partitionOf(req.repo);
  // A registry that asked for Basic before gets Basic at once (no challenge round trip).
  if (onBasicChallenge && engine.basic.has(partition)) return onBasicChallenge();
  const hinted = req.scopeHint && req.scopeHint.length > 0 ? req.scopeHint : undefined;
  const remembered = engine.targets.get(key) ?? (hinted ? siblingTarget(engine, req.repo, operation, hinted) : undefined);
  // The approved realm may have changed since the token was cached: check it again (anonymous tokens carry no secret).
  if (remembered && !remembered.anonymous) checkRealmOrigin(req.repo, remembered.realm);
  const now = engine.now();
  const exact = remembered ? engine.cache.get({ partition, ...remembered }, now) : undefined;
  // A token asked for several repositories at once (prefetchTokens) serves each of them.
  const cached = exact ?? (remembered && hinted ? engine.cache.findCovering({ partition, realm: remembered.realm, service: remembered.service }, hinted, now) : undefined);
  let res: HttpResponse;
  if (cached) {
    res = await sendRepoRequest(engine, req, trace, 'request', bearerHeader(req.repo, cached.token), [cached.token]);
    if (res.status !== 401) return { response: res, token: cached };
    if (exact) engine.cache.delete({ partition, ...cached });
    trace.note('request', 'The repo refused the cached token; asking the token server for a fresh one.');
  } else {
    res = await sendRepoRequest(engine, req, trace, 'challenge');
    if (res.status !== 401) return { response: res };
  }
  const challenges = challengesOf(res);
  const bearer = challenges.find((c) => c.scheme === 'bearer');
  if (!bearer) {
    if (onBasicChallenge && challenges.some((c) => c.scheme === 'basic')) {
      engine.basic.add(partition);
      return onBasicChallenge();
    }
    const schemes = [...new Set(challenges.map((c) => c.scheme))].join(', ');
    throw new ChartDeskError('http', 'challenge', `The repo asks for ${schemes} authentication, but it is set up to use a token server.`, {
      hint: 'Change the repo’s authentication mode to what the server asks for.',
    });
  }
  const known = await req.credentials();
  const anonymous = !known.secret && !known.username;
  const target = resolveTarget(bearer, req.repo, operation, { scopeHint: req.scopeHint, anonymous });
  engine.targets.set(key, rememberedTarget(target));
  trace.note('challenge', `The repo asks for a Bearer token for ${target.scope || 'no particular scope'} from ${target.realmOrigin}${anonymous ? '; no credentials are stored, so ChartDesk asks for an anonymous token' : ''}.`);
  const options = { repo: req.repo, credentials: async () => known, trace, ...(req.signal ? { signal: req.signal } : {}) };
  let { token, fresh } = await obtainToken(engine, target, { ...options, fresh: cached !== undefined });
  res = await sendRepoRequest(engine, req, trace, 'retry', bearerHeader(req.repo, token.token), [token.token]);
  if (res.status === 401 && !fresh) {
    engine.cache.delete({ partition, ...token });
    trace.note('retry', 'The repo refused the cached token; asking the token server for a fresh one.');
    ({ token, fresh } = await obtainToken(engine, target, { ...options, fresh: true }));
    res = await sendRepoRequest(engine, req, trace, 'retry', bearerHeader(req.repo, token.token), [token.token]);
  }
  if (res.status === 401) {
    engine.cache.delete({ partition, ...token });
    throw diagnoseRejection({ token: token.token, source: { kind: 'token-server', realmOrigin: target.realmOrigin }, response: res, required: target.scopes, now: engine.now() });
  }
  return { response: res, token };
}
