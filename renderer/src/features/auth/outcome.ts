import type { MethodOutput } from '../../../../electron/contract';
import type { Problem } from '../../components/problem';
import type { TraceEntry } from '../../components/TraceView';

/** What the user ran: a connect (the auth flow on index.yaml) or a credential test. */
export type FlowAction = 'connect' | 'test';

/** The result of a connect or a credential test, as the Connection tab shows it. */
export interface FlowOutcome {
  action: FlowAction;
  scope: 'pull' | 'push';
  ok: boolean;
  status?: number | undefined;
  /** The core's sentence (credential tests), or one made from the status. */
  message: string;
  error?: Problem | undefined;
  trace: TraceEntry[];
  /** ms epoch when it finished. */
  at: number;
}

/** A connect's result as an outcome. */
export function fromConnect(result: MethodOutput<'connectRepo'>, scope: FlowOutcome['scope']): FlowOutcome {
  const status = result.status ?? 200;
  const connected = result.token ? `Connected: the repo accepted the token (HTTP ${status}).` : `Connected: the repo answered HTTP ${status}.`;
  const message = result.ok ? connected : (result.error?.message ?? 'The connection failed.');
  return { action: 'connect', scope, ok: result.ok, status: result.status, message, error: result.error, trace: result.trace, at: Date.now() };
}

/** A credential test's result as an outcome. */
export function fromTest(result: MethodOutput<'testCredential'>): FlowOutcome {
  return { action: 'test', scope: 'pull', ok: result.ok, status: result.status, message: result.message, error: result.error, trace: result.trace, at: Date.now() };
}

/** Total time the trace's requests took, ms. */
export function totalMs(trace: readonly TraceEntry[]): number {
  return Math.round(trace.reduce((sum, t) => sum + t.durationMs, 0));
}

/**
 * The token-server origin a realm-mismatch asks the user to approve: the realm of the last
 * challenge in the trace, else the origin the error message names.
 */
export function originToApprove(outcome: FlowOutcome): string | undefined {
  if (outcome.error?.kind !== 'realm-mismatch') return undefined;
  for (const entry of [...outcome.trace].reverse()) {
    const header = entry.responseHeaders['www-authenticate'];
    const realm = header && /realm="([^"]+)"/i.exec(header)?.[1];
    if (realm) {
      try {
        return new URL(realm).origin;
      } catch {
        break;
      }
    }
  }
  const named = /Approve (https?:\/\/[^\s]+?) to/.exec(outcome.error.message)?.[1];
  return named;
}
