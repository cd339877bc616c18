/** The repo server's authorizer: chartmuseum/auth v0.6.0 bearer, basic and anonymous-get behaviour. */
import type { LiveOptions } from './config';
import { verifyChartMuseumToken } from './jwt-verify';

/** ChartMuseum's access entry type. */
export const ACCESS_ENTRY_TYPE = 'artifact-repository';

/** Allowed, or refused with the exact WWW-Authenticate value ChartMuseum sends. */
export type Permission = { allowed: true } | { allowed: false; challenge: string };

/** The authorizer could not decide (ChartMuseum answers 500 `internal server error`). */
export class AuthorizerError extends Error {}

/** Where the challenge sends clients. */
export interface ChallengeTarget {
  realm: string;
  service: string;
}

// chartmuseum/auth: bearerTokenMatch.ReplaceAllString(header, "$1") with (?i)bearer (.*): a token
// with no scheme passes through unchanged, and the scheme word is matched case-insensitively.
function tokenOf(header: string): string {
  return header.replace(/bearer (.*)/i, '$1');
}

// JMESPath access[?name=='<ns>' && type=='artifact-repository'].actions[]
function grantedActions(access: unknown, namespace: string): unknown[] {
  if (!Array.isArray(access)) throw new AuthorizerError('access claim is not a list');
  return access
    .filter((e): e is Record<string, unknown> => e !== null && typeof e === 'object' && (e as Record<string, unknown>).name === namespace && (e as Record<string, unknown>).type === ACCESS_ENTRY_TYPE)
    .flatMap((e) => (Array.isArray(e.actions) ? e.actions : e.actions === undefined || e.actions === null ? [] : [e.actions]));
}

function basicHeaders(users: Record<string, string>): Set<string> {
  return new Set(Object.entries(users).map(([user, pass]) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`));
}

/** Decides one request; `namespace` '' stands for the default namespace `repo`. Throws AuthorizerError for a 500. */
export function authorize(options: LiveOptions, target: ChallengeTarget, header: string, action: 'pull' | 'push', namespaceParam: string, nowMs = Date.now()): Permission {
  const namespace = namespaceParam === '' ? 'repo' : namespaceParam;
  switch (options.auth) {
    case 'none':
      return { allowed: true };
    case 'basic':
      return basicHeaders(options.basicUsers).has(header) ? { allowed: true } : { allowed: false, challenge: 'Basic realm="ChartMuseum"' };
    case 'anonymous-get':
    case 'bearer': {
      if (options.auth === 'anonymous-get' && action === 'pull') return { allowed: true };
      const challenge = `Bearer realm="${target.realm}",service="${target.service}",scope="${ACCESS_ENTRY_TYPE}:${namespace}:${action}"`;
      const verdict = verifyChartMuseumToken(tokenOf(header), options.repoVerifyCertificatePem ?? options.certificatePem, nowMs);
      if (!verdict.valid) return { allowed: false, challenge };
      if (verdict.claims.access === undefined || verdict.claims.access === null) throw new AuthorizerError('token has no access claim');
      return grantedActions(verdict.claims.access, namespace).includes(action) ? { allowed: true } : { allowed: false, challenge };
    }
  }
}
