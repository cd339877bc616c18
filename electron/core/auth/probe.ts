/** Finds a repo's token target without a user request: remembered, or from a probe's challenge. */
import { ChartDeskError } from '../errors';
import type { HttpResponse } from '../http/client';
import { redactUrl } from '../http/redact';
import type { TraceRecorder } from '../http/trace';
import { sendRepoRequest, targetKey, type Engine } from './engine';
import { parseScopes } from './scope';
import { challengesOf, resolveTarget, type ResolvedTarget } from './token-source';
import { checkRealmOrigin } from './origins';
import { rememberedTarget } from './token-server-flow';
import type { FlowRequest, FlowTokenRequest } from './types';

function apiChartsUrl(repoUrl: string): string {
  const url = new URL(repoUrl);
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.origin}/api${path}/charts`;
}

/**
 * The target to ask a token for: the remembered one (unless `fresh`), else the challenge of
 * `HEAD index.yaml`; for push, when reads are anonymous, the challenge of an empty upload
 * (ChartMuseum checks auth before reading the body).
 */
export async function probeTokenTarget(engine: Engine, treq: FlowTokenRequest, trace: TraceRecorder): Promise<ResolvedTarget> {
  const operation = treq.scope ?? 'pull';
  const scopeHint = treq.probe?.scopeHint;
  const key = targetKey(treq.repo, operation, scopeHint);
  const remembered = engine.targets.get(key);
  if (remembered && !treq.fresh) {
    const scopes = parseScopes(remembered.scope);
    return { ...remembered, scopes, realmOrigin: remembered.anonymous ? new URL(remembered.realm).origin : checkRealmOrigin(treq.repo, remembered.realm) };
  }
  const probe = treq.probe ?? { url: `${treq.repo.url.replace(/\/+$/, '')}/index.yaml`, method: 'HEAD', pushFallback: { url: apiChartsUrl(treq.repo.url), method: 'POST' } };
  const base: FlowRequest = { repo: treq.repo, credentials: treq.credentials, url: probe.url, method: probe.method ?? 'GET', ...(treq.signal ? { signal: treq.signal } : {}) };
  let res: HttpResponse = await sendRepoRequest(engine, base, trace, 'challenge');
  if (base.method === 'HEAD' && (res.status === 405 || res.status === 501)) res = await sendRepoRequest(engine, { ...base, method: 'GET' }, trace, 'challenge');
  if (probe.pushFallback && res.status !== 401 && operation === 'push' && res.status >= 200 && res.status < 300) {
    trace.note('challenge', 'Reads need no token here; asking the upload route for its challenge.');
    res = await sendRepoRequest(engine, { ...base, url: probe.pushFallback.url, method: probe.pushFallback.method, headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array(0) }, trace, 'challenge');
  }
  if (res.status !== 401) {
    const why = res.status >= 200 && res.status < 300 ? 'it answered without asking for credentials, so no token is needed' : `it answered HTTP ${res.status}`;
    throw new ChartDeskError(res.status === 404 ? 'not-found' : 'http', 'challenge', `The repo at ${redactUrl(treq.repo.url)} did not ask for a token: ${why}.`, {
      hint: res.status === 404 && !treq.probe ? 'Check the repo URL: it should be the folder that holds index.yaml.' : 'Check the repo URL and its authentication mode.',
    });
  }
  const bearer = challengesOf(res).find((c) => c.scheme === 'bearer');
  if (!bearer) throw new ChartDeskError('http', 'challenge', 'The repo does not ask for a Bearer token, so there is no token server to ask.');
  const known = await treq.credentials();
  const target = resolveTarget(bearer, treq.repo, operation, { scopeHint, anonymous: !known.secret && !known.username });
  engine.targets.set(key, rememberedTarget(target));
  trace.note('challenge', `The repo asks for a Bearer token for ${target.scope || 'no particular scope'} from ${target.realmOrigin}.`);
  return target;
}
