/** Docker-style resource scopes (`type:name:actions`) and the grant policy applied to them. */
import type { AccessEntry } from './options';

/**
 * Parses one resource scope. The name may itself hold ':' (a `host:port/` prefix), so the type ends at
 * the first colon and the actions start after the last one. Undefined when malformed.
 */
export function parseResourceScope(scope: string): AccessEntry | undefined {
  const first = scope.indexOf(':');
  const last = scope.lastIndexOf(':');
  if (first <= 0 || last === first || last === scope.length - 1) return undefined;
  const name = scope.slice(first + 1, last);
  if (name === '') return undefined;
  return { type: scope.slice(0, first), name, actions: scope.slice(last + 1).split(',') };
}

/** Parses several scope parameters, each possibly holding space-separated scopes; undefined if any is malformed. */
export function parseScopes(params: string[]): AccessEntry[] | undefined {
  const out: AccessEntry[] = [];
  for (const param of params) {
    for (const part of param.split(' ').filter(Boolean)) {
      const entry = parseResourceScope(part);
      if (!entry) return undefined;
      out.push(entry);
    }
  }
  return out;
}

/** `type:name:a,b` for each entry, space-separated (entries without actions left out). */
export function formatScopes(entries: AccessEntry[]): string {
  return entries.filter((e) => e.actions.length > 0).map((e) => `${e.type}:${e.name}:${e.actions.join(',')}`).join(' ');
}

/** What a grant policy allows, cut down to what was asked (a policy can only take away). */
export function intersectGrant(requested: AccessEntry[], granted: AccessEntry[]): AccessEntry[] {
  return requested
    .map((asked) => {
      const allowed = new Set(granted.filter((g) => g.type === asked.type && g.name === asked.name).flatMap((g) => g.actions));
      return { type: asked.type, name: asked.name, actions: asked.actions.filter((a) => allowed.has(a)) };
    })
    .filter((e) => e.actions.length > 0);
}
