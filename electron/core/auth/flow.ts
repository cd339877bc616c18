/** The flow engine: 401 -> token -> retry, with origin-bound credentials and a redacted trace. */
import { ChartDeskError } from '../errors';
import type { FlowClient, FlowDeps } from './types';

export type { FlowClient, FlowDeps, FlowRepo, FlowCredentials, FlowRequest, FlowResponse, TokenInfo, TraceEntry } from './types';

/** Builds a flow client from its dependencies. */
export function createFlowClient(_deps: FlowDeps): FlowClient {
  const notYet = () => Promise.reject(new ChartDeskError('internal', 'flow', 'The flow engine is not built yet.'));
  return { request: notYet, token: notYet, keepFresh: () => () => {}, close: async () => {} };
}
