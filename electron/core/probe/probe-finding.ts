/** What one probe concludes (the prober adds the typed URL, the requests and the time), and the findings of failed requests. */
import type { z } from 'zod';
import type { RepoProposal, RepoUrlProbe } from '../../contract/probe';
import type { ChartDeskError } from '../errors';
import { safeOrigin } from './probe-exchange';

/** A probe's conclusion. */
export type Finding = Omit<z.output<typeof RepoUrlProbe>, 'url' | 'checked' | 'durationMs'>;

/** A proposal. */
export type Proposal = z.output<typeof RepoProposal>;

/** What a failed request means for the user: a TLS problem (and the CA option), or no answer. */
export function failureFinding(error: ChartDeskError, url: string, timedOut: boolean): Finding {
  const origin = safeOrigin(url);
  if (timedOut) {
    return {
      outcome: 'unreachable',
      headline: `${origin} did not answer in time.`,
      evidence: [`No answer from ${origin} before the probe gave up.`],
      hint: 'Check the URL and that the server is up; a slow server still works once added.',
    };
  }
  if (error.kind === 'tls') {
    return {
      outcome: 'tls',
      headline: `A secure connection to ${origin} failed.`,
      evidence: [error.message],
      hint: 'If the server uses a private CA, give its certificate as the CA file (Connection and TLS); skip verification only for testing. A server without TLS needs http://.',
    };
  }
  if (error.kind === 'timeout') {
    return { outcome: 'unreachable', headline: `${origin} did not answer in time.`, evidence: [error.message], hint: error.hint ?? 'Check the URL and that the server is up.' };
  }
  return { outcome: 'unreachable', headline: `${origin} could not be reached.`, evidence: [error.message], hint: error.hint ?? 'Check the URL, the network and any proxy settings.' };
}

/** The settings of an HTTP chart repo with a mode. */
export function httpProposal(url: string, mode: Proposal['mode'], dialect: Proposal['dialect'] = 'auto'): Proposal {
  const needsSecret = mode !== 'none';
  return { kind: 'http', url, mode, dialect, needsSecret, needsUsername: mode === 'basic' || (mode === 'token-server' && dialect === 'B') };
}

/** The settings of a registry namespace: anonymous, or a login (user name and password). */
export function registryProposal(location: string, login: boolean, plainHttp: boolean): Proposal {
  return { kind: 'oci', url: location, mode: login ? 'basic' : 'none', dialect: 'auto', plainHttp, needsSecret: login, needsUsername: login };
}
