/** Tests a repo's stored credential by running the real auth flow against its probe (the index, or a registry endpoint), with a redacted trace. */
import type { z } from 'zod';
import type { CredentialTestResult } from '../../contract/repos';
import { traceOfError, type FlowClient } from '../auth/flow';
import type { ChartSource } from '../charts/chart-source';
import { sendProbe } from '../charts/probe-request';
import { serializeError } from '../errors';

/** What a credential test reports. */
export type CredentialTestOutcome = z.output<typeof CredentialTestResult>;

function describeStatus(status: number, what: string): string {
  if (status >= 200 && status < 300) return `The repo accepted the request (HTTP ${status}).`;
  if (status === 401 || status === 403) return `The repo refused the credential (HTTP ${status}).`;
  if (status === 404) return `The repo answered, but there is nothing at ${what} (HTTP 404). Check the URL.`;
  return `The repo answered HTTP ${status}.`;
}

/** Reads the repo's probe through the flow with the stored credential; never throws for a failed test. */
export async function testRepoCredential(flow: FlowClient, source: ChartSource, signal?: AbortSignal): Promise<CredentialTestOutcome> {
  try {
    const { response, probe } = await sendProbe(flow, source, 'pull', signal);
    const ok = response.status >= 200 && response.status < 300;
    const token = response.token;
    const via = token ? ` It used a token from ${new URL(token.realm).origin} (dialect ${token.dialect}, scope ${token.scope}).` : '';
    return {
      ok,
      message: `${describeStatus(response.status, probe.what === 'its index' ? 'index.yaml at this URL' : probe.what)}${ok ? via : ''}`,
      status: response.status,
      trace: response.trace,
      ...(token ? { token: { realm: token.realm, scope: token.scope, dialect: token.dialect, expiresAt: token.expiresAt } } : {}),
    };
  } catch (error) {
    const serialized = serializeError(error);
    return { ok: false, message: `The ${serialized.step} step failed: ${serialized.message}`, error: serialized, trace: traceOfError(error) ?? [] };
  }
}
