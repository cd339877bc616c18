/** Shared bits of the flow integration tests: repos for the sandbox and a flow client per test file. */
import { createFlowClient } from '../../../electron/core/auth/flow';
import type { FlowClient, FlowDeps, FlowRepo } from '../../../electron/core/auth/types';
import { ChartDeskError } from '../../../electron/core/errors';

/** A token-server repo (or another mode) at `url`. */
export function repoAt(url: string, auth: Partial<FlowRepo['auth']> = {}, extra: Partial<FlowRepo> = {}): FlowRepo {
  return { url, auth: { mode: 'token-server', dialect: 'auto', ...auth }, tls: { insecureSkipVerify: false }, passCredentialsAll: false, ...extra };
}

/** Credentials as the flow asks for them. */
export function creds(secret?: string, username?: string) {
  return async () => ({ ...(secret !== undefined ? { secret } : {}), ...(username !== undefined ? { username } : {}) });
}

/** Flow clients made by a test file, closed together. */
export function flowClients() {
  const made: FlowClient[] = [];
  return {
    make(deps: Partial<FlowDeps> = {}): FlowClient {
      const client = createFlowClient({ userAgent: 'ChartDesk/test', env: {}, ...deps });
      made.push(client);
      return client;
    },
    closeAll: () => Promise.all(made.map((c) => c.close())),
  };
}

/** The ChartDeskError a promise rejects with. */
export async function failureOf(promise: Promise<unknown>): Promise<ChartDeskError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ChartDeskError) return error;
    throw error;
  }
  throw new Error('expected the flow to fail');
}
