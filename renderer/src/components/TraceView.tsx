import type { MethodOutput } from '../../../electron/contract';
import { TraceRequest } from './TraceRequest';
import './components.css';
import './trace.css';

/** One redacted request/response of a flow trace, as the core reports it. */
export type TraceEntry = MethodOutput<'connectRepo'>['trace'][number];

const STEPS: Record<string, { title: string; words: string }> = {
  challenge: { title: 'Challenge', words: 'Ask the repo without credentials; it answers 401 and names the token server (realm), service and scope.' },
  token: { title: 'Token', words: 'Ask the token server for a token for that scope, sending the repo’s key.' },
  retry: { title: 'Retry', words: 'Send the first request again with Authorization: Bearer <token>.' },
  request: { title: 'Request', words: 'Ask the repo with the stored credential.' },
  redirect: { title: 'Redirect', words: 'Follow the redirect the server answered.' },
};

interface Group {
  step: string;
  entries: TraceEntry[];
}

function groupBySteps(trace: readonly TraceEntry[]): Group[] {
  const groups: Group[] = [];
  for (const entry of trace) {
    const last = groups[groups.length - 1];
    if (last && last.step === entry.step) last.entries.push(entry);
    else groups.push({ step: entry.step, entries: [entry] });
  }
  return groups;
}

/**
 * A flow trace as numbered steps in the seed walkthrough's words (challenge → token → retry):
 * each request's method, URL, status, timing, size and (already redacted) headers, plus the
 * core's notes. `failedStep` marks the step an error names, appending it when it sent nothing.
 */
export function TraceView({ trace, failedStep, label = 'Auth flow trace' }: { trace: readonly TraceEntry[]; failedStep?: string | undefined; label?: string }) {
  const groups = groupBySteps(trace);
  const failedIndex = failedStep === undefined ? -1 : groups.map((g) => g.step).lastIndexOf(failedStep);
  if (failedStep !== undefined && failedIndex === -1) groups.push({ step: failedStep, entries: [] });
  const failedAt = failedStep === undefined ? -1 : failedIndex === -1 ? groups.length - 1 : failedIndex;
  return (
    <ol className="trace" aria-label={label} data-testid="trace">
      {groups.map((group, i) => {
        const known = STEPS[group.step];
        const failed = i === failedAt;
        return (
          <li key={i} className={`trace-step${failed ? ' is-failed' : ''}`} data-step={group.step} data-testid="trace-step">
            <div className="trace-step-head">
              <span className="trace-step-num" aria-hidden="true">
                {i + 1}
              </span>
              <h4>{known?.title ?? group.step}</h4>
              {failed && <span className="badge badge-danger">failed here</span>}
            </div>
            {known && <p className="trace-step-words">{known.words}</p>}
            {group.entries.map((entry, j) =>
              entry.method === '' && entry.url === '' ? (
                <p key={j} className={entry.warning ? 'trace-note is-warning' : 'trace-note'}>
                  {entry.note}
                  {entry.warning && <span className="trace-warning"> {entry.warning}</span>}
                </p>
              ) : (
                <TraceRequest key={j} entry={entry} />
              ),
            )}
            {group.entries.length === 0 && <p className="trace-note">No answer: the step failed before a response arrived.</p>}
          </li>
        );
      })}
    </ol>
  );
}
