import type { z } from 'zod';
import type { EventPayload } from '../../contract';
import type { ConnectResult, TokenScope } from '../../contract/auth';
import type { Handlers } from '../dispatch';
import type { CoreContext, RepoRecord } from '../context';
import { ChartDeskError, serializeError } from '../errors';
import { traceOfError } from '../auth/flow';
import { defaultScopes, formatScopes } from '../auth/scope';
import type { ChartSource } from '../charts/chart-source';
import { sendProbe } from '../charts/probe-request';
import { staticTokenView, tokenView, type TokenViewRecord } from '../auth/token-view';
import { decodeJwt } from '../jwt/decode';
import { fetchJwks } from '../jwt/jwks';
import { verifyJwt } from '../jwt/verify';

type Scope = z.output<typeof TokenScope>;
type AuthMethods = 'connectRepo' | 'getToken' | 'revealToken' | 'decodeJwt' | 'verifyJwt' | 'approveRealm' | 'setTokenRefresh';

/** What a running token refresh was started with; a change of it means the refresh must restart. */
function refreshSettings(repo: RepoRecord): string {
  return JSON.stringify([repo.url, repo.auth, repo.tls, repo.passCredentialsAll]);
}

/** One running token refresh. */
interface Refresh {
  repoId: string;
  scope: Scope;
  settings: string;
  stop: () => void;
}

/** Handlers for the auth flow, tokens and JWT inspection. */
export function authHandlers(ctx: CoreContext): Pick<Handlers, AuthMethods> {
  const refreshers = new Map<string, Refresh>();
  const sourceOf = (repoId: string) => ctx.charts.sources.forRepo(repoId);
  const announce = (repoId: string, scope: Scope, token: TokenViewRecord) => ctx.events.emit('tokenUpdated', { repoId, scope, token });

  /** A token request for the repo's token server, asked through the repo's probe. */
  const tokenRequest = async (source: ChartSource, scope: Scope) => ({ repo: source.flowRepo, credentials: () => source.credentials(), scope, probe: await source.probe(scope) });

  const startRefresh = async (repo: RepoRecord, scope: Scope) => {
    const stop = ctx.flow.keepFresh(
      await tokenRequest(await sourceOf(repo.id), scope),
      (token) => announce(repo.id, scope, tokenView(token)),
      (error) => ctx.log.warn('token refresh failed', { repoId: repo.id, error: serializeError(error).message }),
    );
    refreshers.set(`${repo.id}|${scope}`, { repoId: repo.id, scope, settings: refreshSettings(repo), stop });
  };

  // A removed repo's refresh stops; an edited repo's restarts with its new URL, realm and TLS settings.
  ctx.events.subscribe((name, payload) => {
    if (name !== 'reposChanged') return;
    const { repos } = payload as EventPayload<'reposChanged'>;
    for (const [key, running] of [...refreshers]) {
      const repo = repos.find((r) => r.id === running.repoId);
      if (repo && refreshSettings(repo) === running.settings) continue;
      running.stop();
      refreshers.delete(key);
      if (repo) void startRefresh(repo, running.scope).catch((error: unknown) => ctx.log.warn('token refresh could not restart', { repoId: repo.id, error: serializeError(error).message }));
    }
  });

  /** The raw token and its view: from the token server (cached unless fresh) or the stored static token. */
  async function currentToken(repoId: string, scope: Scope, fresh: boolean): Promise<{ raw: string; view: TokenViewRecord }> {
    const source = await sourceOf(repoId);
    if (source.repo.auth.mode === 'bearer') {
      const { secret } = await ctx.repos.credentials(repoId);
      if (!secret) throw new ChartDeskError('bad-request', 'token', 'No token is stored for this repo.');
      const probe = await source.probe(scope);
      return { raw: secret, view: staticTokenView(secret, formatScopes(probe.scopeHint ?? defaultScopes(source.repo.url, scope))) };
    }
    const { token } = await ctx.flow.token({ ...(await tokenRequest(source, scope)), fresh });
    return { raw: token.token, view: tokenView(token) };
  }

  return {
    async connectRepo({ repoId, scope, fresh }) {
      const source = await sourceOf(repoId);
      // A fresh connect forgets the cached token and challenge target, so the trace shows challenge -> token -> retry.
      if (fresh) ctx.flow.forget(source.flowRepo);
      try {
        const { response: res, probe } = await sendProbe(ctx.flow, source, scope);
        const result: z.output<typeof ConnectResult> = { ok: res.status >= 200 && res.status < 300, status: res.status, trace: res.trace };
        if (res.token) {
          result.token = tokenView(res.token);
          announce(repoId, scope, result.token);
        }
        if (!result.ok) result.error = { kind: res.status === 404 ? 'not-found' : 'http', step: 'request', message: `The repo answered HTTP ${res.status} for ${probe.what}.` };
        return result;
      } catch (error) {
        return { ok: false, trace: traceOfError(error) ?? [], error: serializeError(error) };
      }
    },
    async getToken({ repoId, scope, fresh }) {
      const { view } = await currentToken(repoId, scope, fresh);
      announce(repoId, scope, view);
      return view;
    },
    async revealToken({ repoId, scope }) {
      const { raw } = await currentToken(repoId, scope, false);
      return { token: raw };
    },
    decodeJwt: ({ jwt }) => decodeJwt(jwt),
    async verifyJwt({ jwt, keyPem, jwksUrl }) {
      const decoded = decodeJwt(jwt);
      const key = keyPem !== undefined ? { pem: keyPem } : { jwks: await fetchJwks(ctx.flow.http, jwksUrl ?? '') };
      return { ...(await verifyJwt(jwt, key)), decoded };
    },
    async approveRealm({ repoId, origin }) {
      const approved = new URL(origin).origin;
      const repo = await ctx.repos.get(repoId);
      await ctx.repos.update(repoId, { auth: { ...repo.auth, approvedRealmOrigin: approved } });
      return { repoId, origin: approved };
    },
    async setTokenRefresh({ repoId, scope, enabled }) {
      const key = `${repoId}|${scope}`;
      refreshers.get(key)?.stop();
      refreshers.delete(key);
      if (enabled) await startRefresh(await ctx.repos.get(repoId), scope);
      return { enabled };
    },
  };
}
