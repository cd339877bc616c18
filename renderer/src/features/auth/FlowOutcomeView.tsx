import { ErrorBox } from '../../components/ErrorBox';
import { formatLocalTime } from '../../components/time-format';
import { TraceView } from '../../components/TraceView';
import { originToApprove, totalMs, type FlowOutcome } from './outcome';

/** A connect's or credential test's outcome: the verdict, the failure (with realm approval) and the trace. */
export function FlowOutcomeView({ outcome, approving, onApprove }: { outcome: FlowOutcome; approving: boolean; onApprove: (origin: string) => void }) {
  const origin = originToApprove(outcome);
  const what = outcome.action === 'connect' ? `Connect (${outcome.scope === 'push' ? 'pull,push' : 'pull'})` : 'Credential test';
  const requests = outcome.trace.filter((t) => t.method !== '').length;
  const meta = `${what} · ${formatLocalTime(outcome.at)} · ${requests} request${requests === 1 ? '' : 's'} in ${totalMs(outcome.trace)} ms`;
  return (
    <section className="flow-outcome" aria-label="Result" data-testid="flow-outcome" data-ok={outcome.ok}>
      {outcome.ok || !outcome.error ? (
        <div className={`verdict ${outcome.ok ? 'verdict-ok' : 'verdict-failed'}`} role="status">
          <span className="verdict-icon" aria-hidden="true">
            {outcome.ok ? '✓' : '✗'}
          </span>
          <div>
            <strong>{outcome.message}</strong>
            <p className="muted">{meta}</p>
          </div>
        </div>
      ) : (
        <ErrorBox problem={outcome.error} title={origin ? 'The repo names a token server you have not approved' : `${what} failed`} testId="flow-error">
          {origin && (
            <button type="button" className="primary" onClick={() => onApprove(origin)} disabled={approving}>
              {approving ? 'Approving…' : `Approve ${origin}`}
            </button>
          )}
          <span className="muted">{meta}</span>
        </ErrorBox>
      )}
      {outcome.trace.length > 0 && (
        <>
          <h3 className="section-title">Trace</h3>
          <TraceView trace={outcome.trace} failedStep={outcome.error?.step} />
        </>
      )}
    </section>
  );
}
