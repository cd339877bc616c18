/** Sends a repo's probe (Connect, Test) through the flow: its index for HTTP repos, a registry endpoint for OCI repos; HEAD falls back to GET. */
import type { FlowClient, FlowResponse, FlowScope } from '../auth/types';
import type { ChartSource, RepoProbe } from './chart-source';

/** The probe's final response and what was probed. */
export interface ProbeOutcome {
  response: FlowResponse;
  probe: RepoProbe;
}

/** Runs the probe of `source` for an operation. */
export async function sendProbe(flow: FlowClient, source: ChartSource, scope: FlowScope, signal?: AbortSignal): Promise<ProbeOutcome> {
  const probe = await source.probe(scope);
  const request = {
    repo: source.flowRepo,
    credentials: () => source.credentials(),
    url: probe.url,
    method: probe.method ?? 'GET',
    scope,
    followChallengeScheme: source.followChallengeScheme,
    ...(probe.scopeHint ? { scopeHint: probe.scopeHint } : {}),
    ...(signal ? { signal } : {}),
  };
  let response = await flow.request(request);
  // Some static hosts do not answer HEAD: ask with GET then.
  if (request.method === 'HEAD' && (response.status === 405 || response.status === 501)) response = await flow.request({ ...request, method: 'GET' });
  return { response, probe };
}
