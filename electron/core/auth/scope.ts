/** Resource scopes `type:name:actions` (protocol.md §2-3): parsing, formatting and push upgrades. */
import { ChartDeskError } from '../errors';
import { excerpt } from './challenge';

/** One resource scope; `name` may itself hold ':' (a host:port prefix). */
export interface ResourceScope {
  type: string;
  name: string;
  actions: string[];
}

/** ChartMuseum's resource type. */
export const CHARTMUSEUM_TYPE = 'artifact-repository';

function bad(text: string): ChartDeskError {
  return new ChartDeskError('challenge-malformed', 'challenge', `The scope "${excerpt(text)}" is not of the form type:name:actions.`);
}

/** Parses one `type:name:actions`, taking the first and the last colon. */
export function parseResourceScope(text: string): ResourceScope {
  const first = text.indexOf(':');
  const last = text.lastIndexOf(':');
  if (first <= 0 || last === first || last === first + 1) throw bad(text);
  if ([...text].some((c) => c <= ' ' || c === '\x7f')) throw bad(text);
  const actions = text
    .slice(last + 1)
    .split(',')
    .filter((a) => a.length > 0);
  return { type: text.slice(0, first), name: text.slice(first + 1, last), actions };
}

/** Parses a scope parameter: resource scopes separated by spaces. */
export function parseScopes(scope: string): ResourceScope[] {
  if (scope.length > 8192) throw bad(scope);
  return scope
    .split(/[ \t]+/)
    .filter((part) => part.length > 0)
    .map(parseResourceScope);
}

/** Formats one resource scope back to `type:name:actions`. */
export function formatResourceScope(scope: ResourceScope): string {
  return `${scope.type}:${scope.name}:${scope.actions.join(',')}`;
}

/** Formats resource scopes as a space-separated scope string. */
export function formatScopes(scopes: readonly ResourceScope[]): string {
  return scopes.map(formatResourceScope).join(' ');
}

/** Adds push (and keeps pull) on repository scopes when the operation needs push. */
export function scopesForOperation(scopes: readonly ResourceScope[], operation: 'pull' | 'push'): ResourceScope[] {
  return scopes.map((s) => {
    if (operation !== 'push' || (s.type !== CHARTMUSEUM_TYPE && s.type !== 'repository')) return { ...s, actions: [...s.actions] };
    const actions = ['pull', 'push', ...s.actions.filter((a) => a !== 'pull' && a !== 'push')];
    return { ...s, actions };
  });
}

/** The ChartMuseum namespace of a repo URL: its path, or 'repo' at depth 0. */
export function namespaceOfRepoUrl(repoUrl: string): string {
  const path = new URL(repoUrl).pathname.replace(/\/index\.yaml$/, '').replace(/^\/+|\/+$/g, '');
  return path === '' ? 'repo' : path;
}

/** The scope ChartMuseum would ask for on this repo, for when no challenge named one. */
export function defaultScopes(repoUrl: string, operation: 'pull' | 'push'): ResourceScope[] {
  return [{ type: CHARTMUSEUM_TYPE, name: namespaceOfRepoUrl(repoUrl), actions: operation === 'push' ? ['pull', 'push'] : ['pull'] }];
}

/** The actions granted for (type, name) by a token's `access` claim, or undefined when the claim is absent or not a list. */
export function grantedActions(access: unknown, type: string, name: string): string[] | undefined {
  if (!Array.isArray(access)) return undefined;
  const actions: string[] = [];
  for (const entry of access) {
    if (!entry || typeof entry !== 'object') continue;
    const e = entry as { type?: unknown; name?: unknown; actions?: unknown };
    if (e.type !== type || e.name !== name || !Array.isArray(e.actions)) continue;
    for (const a of e.actions) if (typeof a === 'string') actions.push(a);
  }
  return actions;
}
