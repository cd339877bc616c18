/** ChartMuseum's route table and its depth-aware matcher (helm/chartmuseum pkg/chartmuseum/router/match.go). */

/** The action a route needs: pull for reads, push for upload and delete, '' for open routes. */
export type RouteAction = '' | 'pull' | 'push';

/** Handler names; repo-handlers.ts implements each. */
export type RouteName =
  | 'welcome' | 'info' | 'health' | 'getIndex' | 'headIndex' | 'getObject' | 'listCharts' | 'getChart'
  | 'getVersion' | 'headChart' | 'headVersion' | 'postChart' | 'postProv' | 'deleteVersion';

interface Route {
  method: string;
  path: string;
  action: RouteAction;
  name: RouteName;
}

/** A matched route with its parameters; `namespace` is '' at depth 0 (ChartMuseum's default `repo`). */
export interface RouteMatch {
  name: RouteName;
  action: RouteAction;
  namespace: string;
  params: Record<string, string>;
}

const ROUTES: Route[] = [
  { method: 'GET', path: '/', action: '', name: 'welcome' },
  { method: 'GET', path: '/info', action: '', name: 'info' },
  { method: 'GET', path: '/health', action: '', name: 'health' },
  { method: 'GET', path: '/:repo/index.yaml', action: 'pull', name: 'getIndex' },
  { method: 'HEAD', path: '/:repo/index.yaml', action: 'pull', name: 'headIndex' },
  { method: 'GET', path: '/:repo/charts/:filename', action: 'pull', name: 'getObject' },
  { method: 'GET', path: '/api/:repo/charts', action: 'pull', name: 'listCharts' },
  { method: 'GET', path: '/api/:repo/charts/:name', action: 'pull', name: 'getChart' },
  { method: 'GET', path: '/api/:repo/charts/:name/:version', action: 'pull', name: 'getVersion' },
  { method: 'HEAD', path: '/api/:repo/charts/:name', action: 'pull', name: 'headChart' },
  { method: 'HEAD', path: '/api/:repo/charts/:name/:version', action: 'pull', name: 'headVersion' },
  { method: 'POST', path: '/api/:repo/charts', action: 'push', name: 'postChart' },
  { method: 'POST', path: '/api/:repo/prov', action: 'push', name: 'postProv' },
  { method: 'DELETE', path: '/api/:repo/charts/:name/:version', action: 'push', name: 'deleteVersion' },
];

// Segments the sandbox refuses (ChartMuseum would hand them to its storage backend; we never do).
function unsafe(segment: string): boolean {
  return segment === '' || segment === '.' || segment === '..' || segment.includes('\\') || segment.includes('\0');
}

/** Matches a decoded path at the given depth like ChartMuseum; undefined means 404 `not found`. */
export function matchRoute(method: string, path: string, depth: number): RouteMatch | undefined {
  const isApi = path.startsWith('/api');
  const start = isApi ? 2 : 1;
  const split = path.split('/');
  let repoParts: string[] | undefined;
  let rest: string[] = [];
  if (split.length >= depth + start) {
    repoParts = split.slice(start, depth + start);
    rest = (isApi ? ['', 'api'] : ['']).concat(split.slice(depth + start));
  }
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    if (route.path === path) return { name: route.name, action: route.action, namespace: '', params: {} };
    if (!repoParts) continue;
    const pattern = route.path.replace('/:repo', '').split('/');
    if (!route.path.includes('/:repo') || pattern.length !== rest.length) continue;
    const params: Record<string, string> = {};
    const matched = pattern.every((part, i) => {
      const value = rest[i] ?? '';
      if (part.startsWith(':')) { params[part.slice(1)] = value; return true; }
      return part === value;
    });
    if (!matched) continue;
    if (repoParts.some(unsafe) || Object.values(params).some(unsafe)) return undefined;
    return { name: route.name, action: route.action, namespace: repoParts.join('/'), params };
  }
  return undefined;
}
