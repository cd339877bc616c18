/** Names the likely cause when the repo still answers 401 to a fresh token (protocol.md §4-5). */
import { ChartDeskError } from '../errors';
import type { HttpResponse } from '../http/client';
import { tryDecodeJwt } from '../jwt/decode';
import { parseChallenges } from './challenge';
import { grantedActions, type ResourceScope } from './scope';

/** What the diagnosis looks at. */
export interface RejectionFacts {
  token: string;
  /** Where the token came from: the token server (origin) or a stored static token. */
  source: { kind: 'token-server'; realmOrigin: string } | { kind: 'static' };
  response: HttpResponse;
  required: ResourceScope[];
  now: number;
}

/** Clock differences under this are ignored (the Date header has one-second resolution). */
const SKEW_TOLERANCE_MS = 2000;

function seconds(ms: number): string {
  return `${Math.round(Math.abs(ms) / 1000)} s`;
}

function challengeError(res: HttpResponse): string | undefined {
  try {
    return parseChallenges(res.rawHeaders['www-authenticate'] as string | string[] | undefined).find((c) => c.scheme === 'bearer')?.params.error;
  } catch {
    return undefined;
  }
}

function missingScope(access: unknown, required: ResourceScope[]): string | undefined {
  for (const scope of required) {
    const granted = grantedActions(access, scope.type, scope.name);
    if (!granted) return undefined;
    const missing = scope.actions.filter((a) => !granted.includes(a) && !granted.includes('*'));
    if (missing.length) {
      const had = granted.length ? granted.join(',') : 'nothing';
      return `The token grants ${had} on ${scope.name}, but this needs ${missing.join(',')}.`;
    }
  }
  return undefined;
}

/** Builds the error for a repo that rejected a fresh (or static) token. */
export function diagnoseRejection(facts: RejectionFacts): ChartDeskError {
  const decoded = tryDecodeJwt(facts.token, facts.now);
  const scopeProblem = decoded ? missingScope(decoded.claims.access, facts.required) : undefined;
  if (scopeProblem || challengeError(facts.response) === 'insufficient_scope') {
    return new ChartDeskError('scope-denied', 'retry', scopeProblem ?? 'The repo says the token does not grant the needed access (insufficient_scope).', {
      hint: 'The token server did not grant this action for this repo: ask its administrator, or check the repo URL.',
    });
  }
  const repoDate = Date.parse(facts.response.headers.date ?? '');
  const who = facts.source.kind === 'static' ? 'the stored token' : `a fresh token from ${facts.source.realmOrigin}`;
  const clockFacts: string[] = [];
  if (decoded?.issuedAt !== undefined) {
    clockFacts.push(`token issued ${new Date(decoded.issuedAt).toISOString()}`);
    if (decoded.issuedAt > facts.now + SKEW_TOLERANCE_MS) {
      return new ChartDeskError('repo-rejected-token', 'retry', `The repo rejected ${who}: it was issued ${seconds(decoded.issuedAt - facts.now)} in the future by this computer’s clock.`, {
        hint: 'Clock skew: the token server’s clock is ahead, and ChartMuseum allows none. Synchronize the servers’ clocks (NTP).',
      });
    }
    if (Number.isFinite(repoDate) && decoded.issuedAt > repoDate + SKEW_TOLERANCE_MS) {
      return new ChartDeskError('repo-rejected-token', 'retry', `The repo rejected ${who}: it was issued ${seconds(decoded.issuedAt - repoDate)} after the repo’s current time (its Date header).`, {
        hint: 'Clock skew between the token server and the repo; ChartMuseum allows none. Synchronize their clocks (NTP).',
      });
    }
  }
  if (decoded?.expiresAt !== undefined) {
    const reference = Number.isFinite(repoDate) ? repoDate : facts.now;
    if (decoded.expiresAt <= reference) {
      return new ChartDeskError('repo-rejected-token', 'retry', `The repo rejected ${who}: it expired at ${new Date(decoded.expiresAt).toISOString()} by the repo’s clock.`, {
        hint: facts.source.kind === 'static' ? 'Get a new token and store it for this repo.' : 'The repo’s clock may be ahead; synchronize the clocks (NTP).',
      });
    }
  }
  if (Number.isFinite(repoDate)) clockFacts.push(`repo clock ${new Date(repoDate).toISOString()}`);
  clockFacts.push(`this computer ${new Date(facts.now).toISOString()}`);
  const cause =
    facts.source.kind === 'static'
      ? 'The token may have been revoked, or be meant for another server.'
      : 'The repo probably verifies tokens with a different public key than the token server signs with (key mismatch).';
  const clocks = decoded?.issuedAt !== undefined ? ` The clocks look consistent (${clockFacts.join('; ')}).` : '';
  return new ChartDeskError('repo-rejected-token', 'retry', `The repo rejected ${who} (HTTP ${facts.response.status}).`, { hint: `${cause}${clocks}` });
}
