/** Reads a 401's WWW-Authenticate with the flow engine's parser: which scheme, which token server, which scope and dialect. */
import type { z } from 'zod';
import type { ProbeChallenge } from '../../contract/probe';
import { parseChallenges, type Challenge } from '../auth/challenge';
import { checkRealmUrl } from '../auth/origins';
import { CHARTMUSEUM_TYPE } from '../auth/scope';
import type { HttpResponse } from '../http/client';

/** A challenge as the probe reports it. */
export type ChallengeFacts = z.output<typeof ProbeChallenge>;

/** The challenges of a response, or the reason they could not be read. */
export type ReadChallenges = { challenges: Challenge[]; problem?: undefined } | { challenges?: undefined; problem: string };

/** Parses every WWW-Authenticate line of a response (none is a problem too). */
export function readChallenges(response: HttpResponse): ReadChallenges {
  const raw = response.rawHeaders['www-authenticate'];
  if (raw === undefined) return { problem: 'it sent no WWW-Authenticate header, so it does not say how to log in' };
  try {
    return { challenges: parseChallenges(raw) };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : 'its WWW-Authenticate header could not be read' };
  }
}

/** The dialect a scope points to: A for ChartMuseum's `artifact-repository`, B for Docker's `repository`/`registry`; undefined when it names none. */
export function dialectOfScope(scope: string | undefined): 'A' | 'B' | undefined {
  const type = scope?.trim().split(/\s+/)[0]?.split(':')[0];
  if (!type) return undefined;
  return type === CHARTMUSEUM_TYPE ? 'A' : 'B';
}

/** The facts of a Bearer challenge, checked as the flow checks them; `repoUrl` tells whether the realm is on another host. */
export function bearerFacts(challenge: Challenge, repoUrl: string): ChallengeFacts {
  const { realm, service, scope } = challenge.params;
  const facts: ChallengeFacts = { scheme: 'bearer' };
  if (service) facts.service = service;
  if (scope) facts.scope = scope;
  const dialect = dialectOfScope(scope);
  if (dialect) facts.dialect = dialect;
  if (realm) {
    try {
      facts.realm = checkRealmUrl(realm);
      facts.realmElsewhere = new URL(facts.realm).hostname !== new URL(repoUrl).hostname;
    } catch {
      // An unusable realm is reported by its absence; the evidence says so.
    }
  }
  return facts;
}

/** The facts of a Basic challenge (its realm is only a label). */
export function basicFacts(challenge: Challenge): ChallengeFacts {
  return { scheme: 'basic', ...(challenge.params.realm ? { realm: challenge.params.realm } : {}) };
}

/** The first challenge of a scheme. */
export function challengeOf(challenges: readonly Challenge[], scheme: 'bearer' | 'basic'): Challenge | undefined {
  return challenges.find((c) => c.scheme === scheme);
}

/** A sentence naming a Bearer challenge's token server, service and scope. */
export function describeBearer(facts: ChallengeFacts): string {
  const parts = [`Bearer realm=${facts.realm ?? '(none usable)'}`];
  if (facts.service) parts.push(`service=${facts.service}`);
  if (facts.scope) parts.push(`scope=${facts.scope}`);
  return `It answered 401 with WWW-Authenticate: ${parts.join(', ')}.`;
}

/** A sentence on the dialect ChartDesk would try and why. */
export function describeDialect(facts: ChallengeFacts): string {
  if (facts.dialect === 'A') return 'The scope is ChartMuseum’s (artifact-repository), so ChartDesk would use dialect A: POST to the realm with the API key as a Bearer token.';
  if (facts.dialect === 'B') return 'The scope is Docker-style, so ChartDesk would use dialect B (the Docker token spec): GET to the realm with a user name and password.';
  return 'The challenge names no scope, so ChartDesk would try dialect A, then B, then C.';
}

/** A sentence about a token server on another host, before any secret goes there. */
export function describeRealmElsewhere(realm: string, repoUrl: string): string {
  return `The token server (${new URL(realm).host}) is not on the repo’s host (${new URL(repoUrl).host}): ChartDesk sends the key there only after you approve it (Connection tab).`;
}
