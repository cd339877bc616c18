/**
 * Probes a registry namespace: `GET /v2/` (the distribution spec's API root) without credentials,
 * then, for a Bearer challenge, whether the token server hands out anonymous tokens (a GET with
 * only the service named: no secret goes anywhere).
 */
import { checkRealmUrl } from '../auth/origins';
import { ask, isRegistryAnswer, type ProbeContext } from './probe-exchange';
import { bearerFacts, basicFacts, challengeOf, describeRealmElsewhere, readChallenges } from './probe-challenge';
import { failureFinding, registryProposal, type Finding } from './probe-finding';
import type { OciTarget } from './probe-target';

/** A registry finding, or why the host is not a registry (a sentence) and whether it answered at all. */
export type RegistryProbe = { finding: Finding; notRegistry?: undefined } | { finding?: undefined; notRegistry: string; answered: boolean };

const SMALL = 64 * 1024;

/** Probes `target`'s `/v2/`; `timedOut` tells a failure caused by the probe's time bound. */
export async function probeRegistry(ctx: ProbeContext, target: OciTarget, timedOut: () => boolean): Promise<RegistryProbe> {
  const root = `${target.base}/v2/`;
  const answer = await ask(ctx, root, 'application/json', SMALL);
  if (answer.error) {
    if (!target.explicit && answer.error.kind !== 'tls') return { notRegistry: answer.error.message, answered: false };
    const finding = failureFinding(answer.error, root, timedOut());
    if (finding.outcome === 'tls' && !target.plainHttp) finding.hint = `${finding.hint} A registry without TLS needs Plain HTTP (Connection and TLS).`;
    return { finding };
  }
  const { response } = answer;
  const versionHeader = isRegistryAnswer(response);
  const evidence = [`GET ${root} answered ${response.status}${versionHeader ? ' with Docker-Distribution-API-Version: registry/2.0' : ''}.`];
  if (response.status === 200 && versionHeader) {
    return {
      finding: {
        outcome: 'registry',
        headline: `An OCI registry: ${target.location} needs no login.`,
        evidence: [...evidence, 'It answered without asking for credentials: anonymous pulls work.'],
        proposal: registryProposal(target.location, false, target.plainHttp),
        hint: 'To push or delete, pick User name and password instead.',
      },
    };
  }
  if (response.status !== 401) return { notRegistry: `${root} answered ${response.status}${versionHeader ? '' : ', not as an OCI registry does'}`, answered: true };
  const read = readChallenges(response);
  const bearer = read.challenges && challengeOf(read.challenges, 'bearer');
  const basic = read.challenges && challengeOf(read.challenges, 'basic');
  if (!bearer && !basic) {
    if (!versionHeader) return { notRegistry: `${root} answered 401, but ${read.problem ?? 'with no Bearer or Basic challenge'}`, answered: true };
    return { finding: { outcome: 'not-a-repo', headline: `An OCI registry that does not say how to log in.`, evidence: [...evidence, `But ${read.problem ?? 'its challenge is neither Bearer nor Basic'}.`] } };
  }
  if (basic && !bearer) {
    return {
      finding: {
        outcome: 'registry',
        headline: `An OCI registry that asks for a user name and password (Basic).`,
        evidence: [...evidence, `It challenges with WWW-Authenticate: Basic${basic.params.realm ? ` realm="${basic.params.realm}"` : ''}: a login, as with helm registry login.`],
        challenge: basicFacts(basic),
        proposal: registryProposal(target.location, true, target.plainHttp),
      },
    };
  }
  const facts = bearerFacts(bearer!, target.base);
  evidence.push(`It challenges with Bearer realm=${facts.realm ?? '(none usable)'}${facts.service ? `, service=${facts.service}` : ''}: Docker’s token spec (dialect B).`);
  facts.dialect = 'B';
  const anonymous = facts.realm ? await anonymousTokens(ctx, facts.realm, facts.service) : false;
  facts.anonymousTokens = anonymous;
  evidence.push(anonymous ? 'Its token server hands out anonymous tokens: public charts can be pulled without a login.' : 'Its token server refused an anonymous token: a login is needed.');
  if (facts.realm && facts.realmElsewhere) evidence.push(describeRealmElsewhere(facts.realm, target.base));
  return {
    finding: {
      outcome: 'registry',
      headline: anonymous ? `An OCI registry with a token server; anonymous pulls work.` : `An OCI registry with a token server that needs a login.`,
      evidence,
      challenge: facts,
      proposal: registryProposal(target.location, !anonymous, target.plainHttp),
      ...(anonymous ? { hint: 'To push or delete, pick User name and password instead.' } : {}),
    },
  };
}

/** True when `GET realm?service=…` without credentials answers 2xx with a token (the body is read and dropped). */
async function anonymousTokens(ctx: ProbeContext, realm: string, service: string | undefined): Promise<boolean> {
  let url: URL;
  try {
    url = new URL(checkRealmUrl(realm));
  } catch {
    return false;
  }
  if (service) url.searchParams.set('service', service);
  const answer = await ask(ctx, url.toString(), 'application/json', SMALL);
  if (!answer.response || answer.response.status < 200 || answer.response.status > 299) return false;
  try {
    const body = JSON.parse(answer.response.body.toString('utf8')) as { token?: unknown; access_token?: unknown };
    return typeof body.token === 'string' || typeof body.access_token === 'string';
  } catch {
    return false;
  }
}
