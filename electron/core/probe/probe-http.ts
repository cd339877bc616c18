/** Probes an HTTP chart repo folder: `GET index.yaml` without credentials, and what its answer means. */
import { indexUrlOf } from '../charts/chart-url';
import { ChartDeskError } from '../errors';
import type { HttpResponse } from '../http/client';
import { ask, isRegistryAnswer, type Answer, type ProbeContext } from './probe-exchange';
import { basicFacts, bearerFacts, challengeOf, describeBearer, describeDialect, describeRealmElsewhere, readChallenges } from './probe-challenge';
import { failureFinding, httpProposal, type Finding } from './probe-finding';

/** Facts of a parsed index. */
export interface IndexFacts {
  chartCount: number;
  versionCount: number;
  servedByChartMuseum: boolean;
}

/** Parses index bytes (the index engine's worker); rejects with ChartDeskError('index-invalid') for anything else. */
export type ParseIndexFacts = (bytes: Buffer) => Promise<IndexFacts>;

const INDEX_ACCEPT = 'application/x-yaml, application/yaml, application/json;q=0.9, */*;q=0.8';

/** Asks for `folder`'s index.yaml. */
export function askIndex(ctx: ProbeContext, folder: string): Promise<Answer> {
  return ask(ctx, indexUrlOf(folder), INDEX_ACCEPT);
}

/** What an index answer means, or undefined for a 404 (the caller looks one level up) and registry answers (the caller probes /v2/). */
export async function classifyIndexAnswer(answer: Answer, folder: string, parse: ParseIndexFacts, timedOut: () => boolean): Promise<Finding | undefined> {
  const url = indexUrlOf(folder);
  if (answer.error) return answer.error.kind === 'too-large' ? tooLarge(folder, answer.error) : failureFinding(answer.error, url, timedOut());
  const { response } = answer;
  if (response.status === 404 || isRegistryAnswer(response)) return undefined;
  if (response.status >= 200 && response.status < 300) return readableIndex(response, folder, parse);
  if (response.status === 401) return challenged(response, folder);
  if (response.status === 403) {
    return {
      outcome: 'not-a-repo',
      headline: 'The server refuses access without saying how to log in (403).',
      evidence: [`GET ${url} answered 403 Forbidden, with no challenge.`],
      hint: 'It may want a credential in a custom header, or a client certificate (Connection and TLS): pick the authentication by hand.',
    };
  }
  return {
    outcome: 'not-a-repo',
    headline: `The server answered ${response.status} for the index.`,
    evidence: [`GET ${url} answered ${response.status}.`],
    hint: response.status >= 500 ? 'The server failed: try again later.' : 'Check the URL: it should be the folder that holds index.yaml.',
  };
}

async function readableIndex(response: HttpResponse, folder: string, parse: ParseIndexFacts): Promise<Finding> {
  const url = indexUrlOf(folder);
  const moved = response.url !== url ? ` (after a redirect to ${new URL(response.url).host})` : '';
  let facts: IndexFacts;
  try {
    facts = await parse(response.body);
  } catch (error) {
    const reason = error instanceof ChartDeskError ? error.message : 'it could not be read';
    return { outcome: 'not-a-repo', headline: 'Something answered, but not with a chart index.', evidence: [`GET ${url} answered ${response.status}${moved}, but the body is not an index.yaml: ${reason}`], hint: 'Check the URL: it should be the folder that holds index.yaml.' };
  }
  const charts = `${facts.chartCount.toLocaleString('en')} chart${facts.chartCount === 1 ? '' : 's'}`;
  const versions = `${facts.versionCount.toLocaleString('en')} version${facts.versionCount === 1 ? '' : 's'}`;
  return {
    outcome: 'index',
    headline: `A public chart repo: ${charts}${facts.servedByChartMuseum ? ', served by ChartMuseum' : ''}.`,
    evidence: [
      `GET ${url} answered ${response.status}${moved} without asking for credentials.`,
      `The index lists ${charts} (${versions}).`,
      facts.servedByChartMuseum ? 'It has a serverInfo key, which ChartMuseum writes: pushes and deletes go through its API (with credentials, if it asks for them).' : 'It has no serverInfo key: a static repo (helm repo index), read-only.',
    ],
    index: facts,
    proposal: httpProposal(folder, 'none'),
  };
}

function challenged(response: HttpResponse, folder: string): Finding {
  const url = indexUrlOf(folder);
  const read = readChallenges(response);
  const bearer = read.challenges && challengeOf(read.challenges, 'bearer');
  const basic = read.challenges && challengeOf(read.challenges, 'basic');
  if (bearer) {
    const facts = bearerFacts(bearer, folder);
    const evidence = [describeBearer(facts), describeDialect(facts)];
    if (!facts.realm) evidence.push('Its realm is not a plain http(s) URL, so no token can be asked for there.');
    else if (facts.realmElsewhere) evidence.push(describeRealmElsewhere(facts.realm, folder));
    return {
      outcome: 'token-server',
      headline: facts.dialect === 'B' ? 'A repo behind a Docker-style token server.' : 'A repo behind a token server (ChartMuseum bearer auth).',
      evidence,
      challenge: facts,
      proposal: httpProposal(folder, 'token-server', facts.dialect ?? 'auto'),
    };
  }
  if (basic) {
    return {
      outcome: 'basic',
      headline: 'A repo that asks for a user name and password (Basic).',
      evidence: [`GET ${url} answered 401 with WWW-Authenticate: Basic${basic.params.realm ? ` realm="${basic.params.realm}"` : ''}.`],
      challenge: basicFacts(basic),
      proposal: httpProposal(folder, 'basic'),
    };
  }
  const schemes = read.challenges ? [...new Set(read.challenges.map((c) => c.scheme))].join(', ') : undefined;
  return {
    outcome: 'not-a-repo',
    headline: 'The repo wants credentials ChartDesk cannot offer from its answer alone.',
    evidence: [`GET ${url} answered 401, but ${schemes ? `it asks for ${schemes} authentication` : read.problem}.`],
    hint: 'Pick the authentication by hand (a static bearer token, or a custom header).',
  };
}

function tooLarge(folder: string, error: ChartDeskError): Finding {
  return {
    outcome: 'index',
    headline: 'A public chart repo with a very large index.',
    evidence: [`GET ${indexUrlOf(folder)} answered without asking for credentials, but ${error.message.replace(/^./, (c) => c.toLowerCase())}`],
    proposal: httpProposal(folder, 'none'),
    hint: 'Raise the index size cap in Settings to open it.',
  };
}
