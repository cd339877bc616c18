/** The ChartMuseum-compatible repo server: route match first (404 before auth), then auth, then the handler. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LiveOptions } from './config';
import type { ChartStore } from './chart-store';
import { send, sendJson } from './http-io';
import type { SeenRequest } from './options';
import { authorize, AuthorizerError, type ChallengeTarget } from './repo-auth';
import { HANDLERS } from './repo-handlers';
import { matchRoute } from './repo-routes';
import { recordRequest } from './request-log';

/** What the repo server reads on every request (options may change live). */
export interface RepoServerDeps {
  options: () => LiveOptions;
  challengeTarget: () => ChallengeTarget;
  store: ChartStore;
  log: SeenRequest[];
}

function decodePath(rawUrl: string): { path: string; query: URLSearchParams } | undefined {
  const q = rawUrl.indexOf('?');
  const rawPath = q === -1 ? rawUrl : rawUrl.slice(0, q);
  try {
    return { path: decodeURIComponent(rawPath), query: new URLSearchParams(q === -1 ? '' : rawUrl.slice(q + 1)) };
  } catch {
    return undefined;
  }
}

async function handle(deps: RepoServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = decodePath(req.url ?? '/');
  if (!url) return send(res, 400, '400 Bad Request', 'text/plain; charset=utf-8');
  const options = deps.options();
  const match = matchRoute(req.method ?? 'GET', url.path, options.depth);
  if (!match) return sendJson(res, 404, { error: 'not found' });
  if (match.action !== '') {
    try {
      const permission = authorize(options, deps.challengeTarget(), req.headers.authorization ?? '', match.action, match.namespace);
      if (!permission.allowed) return sendJson(res, 401, { error: 'unauthorized' }, { 'Www-Authenticate': permission.challenge });
    } catch (error) {
      if (error instanceof AuthorizerError) return sendJson(res, 500, { error: 'internal server error' });
      throw error;
    }
  }
  await HANDLERS[match.name](deps.store, req, res, match, url.query);
}

/** The request listener of the repo server. */
export function repoRequestListener(deps: RepoServerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    recordRequest(deps.log, 'repo', req, res);
    handle(deps, req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { error: 'internal server error' });
      else res.destroy();
    });
  };
}
