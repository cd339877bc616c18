import { proposalWords } from './proposal';
import type { RepoProposal, RepoUrlProbe } from './types';
import type { UrlProbeState } from './useUrlProbe';

const OUTCOME_MARK: Record<RepoUrlProbe['outcome'], string> = {
  index: '✓',
  'token-server': '✓',
  basic: '✓',
  registry: '✓',
  'not-found': '?',
  'not-a-repo': '!',
  tls: '!',
  unreachable: '!',
  invalid: '!',
};

/** Props of the detection panel. */
export interface DetectionPanelProps {
  state: UrlProbeState;
  /** True when the form's auth settings are the proposal's. */
  following: boolean;
  /** Uses the proposal's settings (and, for a fix, its URL). */
  onUse: (proposal: RepoProposal, withUrl: boolean) => void;
  /** Shows the TLS settings (a TLS failure: the CA option). */
  onShowTls: () => void;
}

/** What probing the typed URL found, the evidence in words, and buttons to use the proposal or its fix; the user's own choices stay. */
export function DetectionPanel({ state, following, onUse, onShowTls }: DetectionPanelProps) {
  if (state.status === 'idle') return null;
  if (state.status === 'probing') {
    return (
      <section className="detect" data-testid="url-detection" data-status="probing" aria-label="What answers at this address">
        <p className="detect-head" role="status">
          <span className="spinner" aria-hidden="true" /> Checking what answers at this URL (no credentials are sent)…
        </p>
      </section>
    );
  }
  if (state.status === 'error') {
    return (
      <section className="detect detect-problem" data-testid="url-detection" data-status="error" aria-label="What answers at this address">
        <p className="detect-head" role="status">The URL could not be checked: {state.message}</p>
      </section>
    );
  }
  const { probe } = state;
  const { proposal, fix } = probe;
  const good = proposal !== undefined;
  return (
    <section className={`detect${good ? '' : ' detect-problem'}`} data-testid="url-detection" data-status="ready" data-outcome={probe.outcome} aria-label="What answers at this address">
      <p className="detect-head" role="status">
        <span className="detect-mark" aria-hidden="true">
          {OUTCOME_MARK[probe.outcome]}
        </span>
        <span data-testid="detect-headline">{probe.headline}</span>
      </p>
      <ul className="detect-evidence" data-testid="detect-evidence">
        {probe.evidence.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
      {probe.challenge?.realmElsewhere && probe.challenge.realm && (
        <p className="inline-warning" data-testid="detect-realm-elsewhere">
          The token server {new URL(probe.challenge.realm).host} is on another host: no secret goes there until you approve it.
        </p>
      )}
      {fix && proposal && (
        <div className="detect-fix" data-testid="detect-fix">
          <p>{fix.reason}</p>
          <button type="button" className="small primary" onClick={() => onUse(proposal, true)}>
            Use {fix.url}
          </button>
        </div>
      )}
      {!fix && proposal && (
        <p className="detect-proposal" data-testid="detect-proposal">
          {following ? (
            <>Proposed and filled in below: {proposalWords(proposal)}. Change anything you like.</>
          ) : (
            <>
              Proposed: {proposalWords(proposal)}; you chose otherwise.{' '}
              <button type="button" className="small" onClick={() => onUse(proposal, false)}>
                Use the proposal
              </button>
            </>
          )}
        </p>
      )}
      {probe.hint && <p className="detect-hint muted">{probe.hint}</p>}
      {probe.outcome === 'tls' && (
        <button type="button" className="small" onClick={onShowTls}>
          Show the TLS settings
        </button>
      )}
      {probe.checked.length > 0 && (
        <details className="detect-requests">
          <summary>
            {probe.checked.length} request{probe.checked.length === 1 ? '' : 's'} sent, without credentials ({probe.durationMs} ms)
          </summary>
          <ul>
            {probe.checked.map((c, i) => (
              <li key={i}>
                <code>
                  {c.method} {c.url}
                </code>{' '}
                {c.status !== undefined ? <strong>{c.status}</strong> : <span className="muted">{c.note ?? 'no answer'}</span>}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
