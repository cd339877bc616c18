import { useState } from 'react';
import { api } from '../../api/client';
import { toProblem } from '../../components/problem';
import { fromConnect, fromTest, type FlowAction, type FlowOutcome } from './outcome';
import { useRemembered } from './remembered';

/** Runs connect / test credential / approve-then-connect for one repo and remembers the last outcome. */
export function useFlowRunner(repoId: string) {
  const [outcome, setOutcome] = useRemembered<FlowOutcome | undefined>(`flow:${repoId}`, undefined);
  const [busy, setBusy] = useState<FlowAction | 'approve' | undefined>();

  const failed = (action: FlowAction, scope: FlowOutcome['scope'], error: unknown): FlowOutcome => {
    const problem = toProblem(error);
    return { action, scope, ok: false, message: problem.message, error: problem, trace: [], at: Date.now() };
  };

  const run = async (action: FlowAction, scope: FlowOutcome['scope']) => {
    setBusy(action);
    try {
      setOutcome(action === 'connect' ? fromConnect(await api.connectRepo({ repoId, scope, fresh: true }), scope) : fromTest(await api.testCredential({ repoId })));
    } catch (error) {
      setOutcome(failed(action, scope, error));
    } finally {
      setBusy(undefined);
    }
  };

  /** Approves `origin` for the repo's secret, then runs the connect again. */
  const approveAndRetry = async (origin: string, scope: FlowOutcome['scope']) => {
    setBusy('approve');
    try {
      await api.approveRealm({ repoId, origin });
    } catch (error) {
      setOutcome(failed('connect', scope, error));
      setBusy(undefined);
      return;
    }
    await run('connect', scope);
  };

  return { outcome, busy, run, approveAndRetry };
}
