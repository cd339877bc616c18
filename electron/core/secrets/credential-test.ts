/** Tests a repo's stored credential by running the real auth flow against its index, with a redacted trace. */
import type { z } from 'zod';
import type { CredentialTestResult } from '../../contract/repos';
import { traceOfError, type FlowClient } from '../auth/flow';
import { serializeError } from '../errors';
import type { RepoService } from '../store/repo-service';

/** What a credential test reports. */
export type CredentialTestOutcome = z.output<typeof CredentialTestResult>;

/** What a credential test needs. */
export interface CredentialTestDeps {
  flow: FlowClient;
  repos: RepoService;
}

function describeStatus(status: number): string {
  if (status >= 200 && status < 300) return `The repo accepted the request (HTTP ${status}).`;
  if (status === 401 || status === 403) return `The repo refused the credential (HTTP ${status}).`;
  if (status === 404) return 'The repo answered, but there is no index.yaml at this URL (HTTP 404). Check the URL.';
  return `The repo answered HTTP ${status}.`;
}

/** Asks for the repo's index.yaml (HEAD, else GET) through the flow with the stored credential; never throws for a failed test. */
export async function testRepoCredential(deps: CredentialTestDeps, repoId: string, signal?: AbortSignal): Promise<CredentialTestOutcome> {
  const repo = await deps.repos.get(repoId);
  const flowRepo = { id: repo.id, url: repo.url, auth: repo.auth, tls: repo.tls, passCredentialsAll: repo.passCredentialsAll };
  try {
    const request = { repo: flowRepo, credentials: () => deps.repos.credentials(repoId), method: 'HEAD', url: `${repo.url}/index.yaml`, ...(signal ? { signal } : {}) };
    let response = await deps.flow.request(request);
    // Some static hosts do not answer HEAD: ask with GET then.
    if (response.status === 405 || response.status === 501) response = await deps.flow.request({ ...request, method: 'GET' });
    const ok = response.status >= 200 && response.status < 300;
    const token = response.token;
    const via = token ? ` It used a token from ${new URL(token.realm).origin} (dialect ${token.dialect}, scope ${token.scope}).` : '';
    return {
      ok,
      message: `${describeStatus(response.status)}${ok ? via : ''}`,
      status: response.status,
      trace: response.trace,
      ...(token ? { token: { realm: token.realm, scope: token.scope, dialect: token.dialect, expiresAt: token.expiresAt } } : {}),
    };
  } catch (error) {
    const serialized = serializeError(error);
    return { ok: false, message: `The ${serialized.step} step failed: ${serialized.message}`, error: serialized, trace: traceOfError(error) ?? [] };
  }
}
