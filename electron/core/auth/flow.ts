/** The flow engine: 401 -> token -> retry per auth mode, with origin-bound credentials and a redacted trace. */
import { ChartDeskError } from '../errors';
import { createHttpClient } from '../http/client';
import { createTrace, type TraceEntry, type TraceRecorder } from '../http/trace';
import { basicHeader, bearerHeader } from './credential-header';
import { diagnoseRejection } from './diagnose';
import { partitionOf, sendRepoRequest, siblingTarget, type Engine } from './engine';
import { checkRealmOrigin, repoCredentialsAllowed } from './origins';
import { formatScopes } from './scope';
import { startRefresh } from './refresher';
import { defaultScopes } from './scope';
import { createTokenCache } from './token-cache';
import { tokenServerRequest, type TokenServerOutcome } from './token-server-flow';
import { probeTokenTarget } from './probe';
import { obtainToken } from './token-source';
import type { FlowClient, FlowDeps, FlowRequest, FlowResponse, FlowTokenRequest } from './types';

export type { FlowClient, FlowDeps, FlowRepo, FlowCredentials, FlowRequest, FlowResponse, FlowTokenRequest, TokenInfo, TraceEntry } from './types';

const traces = new WeakMap<object, TraceEntry[]>();

/** Resource scopes asked for in one prefetch request (keeps the token URL short). */
const PREFETCH_BATCH = 40;

/** The redacted trace of a flow that failed with `error`, when the flow recorded one. */
export function traceOfError(error: unknown): TraceEntry[] | undefined {
  return error && typeof error === 'object' ? traces.get(error) : undefined;
}

async function withTrace<T>(trace: TraceRecorder, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error && typeof error === 'object') traces.set(error, trace.entries);
    throw error;
  }
}

async function basicRequest(engine: Engine, req: FlowRequest, trace: TraceRecorder): Promise<TokenServerOutcome> {
  const { username = '', secret = '' } = await req.credentials();
  if (!username && !secret) {
    throw new ChartDeskError('credentials-rejected', 'request', 'The server asks for a user name and password (Basic authentication), and none is stored for it.', {
      hint: 'Set the repo’s authentication to user name and password and store them.',
    });
  }
  const res = await sendRepoRequest(engine, req, trace, 'request', basicHeader(req.repo, username, secret), secret ? [secret] : []);
  if (res.status === 401) {
    throw new ChartDeskError('credentials-rejected', 'request', `The repo rejected the user name and password (HTTP 401).`, { hint: 'Check the user name and password stored for this repo.' });
  }
  return { response: res };
}

async function staticBearerRequest(engine: Engine, req: FlowRequest, trace: TraceRecorder): Promise<TokenServerOutcome> {
  const { secret } = await req.credentials();
  if (!secret) throw new ChartDeskError('bad-request', 'request', 'No token is stored for this repo.', { hint: 'Add the token in the repo’s settings.' });
  const res = await sendRepoRequest(engine, req, trace, 'request', bearerHeader(req.repo, secret), [secret]);
  if (res.status === 401) {
    throw diagnoseRejection({ token: secret, source: { kind: 'static' }, response: res, required: defaultScopes(req.repo.url, req.scope ?? 'pull'), now: engine.now() });
  }
  return { response: res };
}

/** Builds a flow client from its dependencies. */
export function createFlowClient(deps: FlowDeps): FlowClient {
  const engine: Engine = {
    http: deps.httpClient ?? createHttpClient({ userAgent: deps.userAgent, ...(deps.http ? { options: deps.http } : {}), ...(deps.env ? { env: deps.env } : {}), ...(deps.httpDefaults ? { defaults: deps.httpDefaults } : {}) }),
    cache: deps.tokenCache ?? createTokenCache(),
    now: deps.now ?? Date.now,
    targets: new Map(),
    dialects: new Map(),
    basic: new Set(),
  };

  async function request(req: FlowRequest): Promise<FlowResponse> {
    const trace = createTrace();
    return withTrace(trace, async () => {
      const mode = req.repo.auth.mode;
      let outcome: TokenServerOutcome;
      if (mode === 'none' || !repoCredentialsAllowed(req.repo, req.url)) {
        if (mode !== 'none') trace.note('request', `${new URL(req.url).origin} is not the repo’s origin: no credentials are sent.`);
        outcome = { response: await sendRepoRequest(engine, req, trace, 'request') };
      } else if (mode === 'basic') {
        outcome = await basicRequest(engine, req, trace);
      } else if (mode === 'bearer') {
        outcome = await staticBearerRequest(engine, req, trace);
      } else {
        outcome = await tokenServerRequest(engine, req, trace, req.followChallengeScheme ? () => basicRequest(engine, req, trace) : undefined);
      }
      const { response, token } = outcome;
      const result: FlowResponse = { status: response.status, headers: response.headers, body: response.body, trace: trace.entries };
      if (token) result.token = token;
      if (response.encoding) result.encoding = response.encoding;
      if (response.encodedBody) result.encodedBody = response.encodedBody;
      return result;
    });
  }

  async function token(treq: FlowTokenRequest) {
    const trace = createTrace();
    return withTrace(trace, async () => {
      if (treq.repo.auth.mode !== 'token-server' && treq.repo.auth.mode !== 'identity-token') {
        throw new ChartDeskError('bad-request', 'token', `This repo does not use a token server (its authentication mode is ${treq.repo.auth.mode}).`);
      }
      const target = await probeTokenTarget(engine, treq, trace);
      const { token: info } = await obtainToken(engine, target, { repo: treq.repo, credentials: treq.credentials, trace, fresh: treq.fresh === true, ...(treq.signal ? { signal: treq.signal } : {}) });
      return { token: info, trace: trace.entries };
    });
  }

  async function prefetchTokens(preq: Parameters<FlowClient['prefetchTokens']>[0]): Promise<boolean> {
    const operation = preq.scope ?? 'pull';
    const first = preq.scopes[0];
    const sibling = first ? siblingTarget(engine, preq.repo, operation, first) : undefined;
    if (!sibling) return false;
    const realmOrigin = sibling.anonymous ? new URL(sibling.realm).origin : checkRealmOrigin(preq.repo, sibling.realm);
    const needed = preq.scopes.filter((scopes) => !engine.cache.findCovering({ partition: partitionOf(preq.repo), realm: sibling.realm, service: sibling.service }, scopes, engine.now()));
    for (let i = 0; i < needed.length; i += PREFETCH_BATCH) {
      const scopes = needed.slice(i, i + PREFETCH_BATCH).flat();
      const target = { realm: sibling.realm, realmOrigin, scopes, scope: formatScopes(scopes), ...(sibling.service !== undefined ? { service: sibling.service } : {}), ...(sibling.anonymous ? { anonymous: true } : {}) };
      await obtainToken(engine, target, { repo: preq.repo, credentials: preq.credentials, trace: createTrace() }).catch(() => undefined);
    }
    return true;
  }

  return {
    request,
    token,
    prefetchTokens,
    forget(repo) {
      const partition = partitionOf(repo);
      engine.cache.forget(partition);
      engine.basic.delete(partition);
      for (const key of [...engine.targets.keys()]) if (key.startsWith(`${partition}|`)) engine.targets.delete(key);
    },
    keepFresh(treq, onRefreshed, onError) {
      return startRefresh({
        getToken: async (fresh) => (await token({ ...treq, fresh })).token,
        now: engine.now,
        ...(onRefreshed ? { onRefreshed } : {}),
        ...(onError ? { onError } : {}),
      });
    },
    http: engine.http,
    close: () => engine.http.close(),
  };
}
