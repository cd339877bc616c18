import { Countdown } from '../../components/Countdown';
import { formatLocalTime } from '../../components/time-format';

/** Issued / not-before / expires as local times, with a live countdown to expiry. */
export function TimeFacts({ issuedAt, notBefore, expiresAt }: { issuedAt?: number | undefined; notBefore?: number | undefined; expiresAt?: number | undefined }) {
  return (
    <div className="time-facts">
      {expiresAt !== undefined ? <Countdown expiresAt={expiresAt} /> : <span className="countdown countdown-none">No expiry (no exp claim)</span>}
      <dl className="facts">
        <div>
          <dt>Issued</dt>
          <dd data-testid="issued-at">{formatLocalTime(issuedAt)}</dd>
        </div>
        {notBefore !== undefined && (
          <div>
            <dt>Not before</dt>
            <dd>{formatLocalTime(notBefore)}</dd>
          </div>
        )}
        <div>
          <dt>Expires</dt>
          <dd data-testid="expires-at">{formatLocalTime(expiresAt)}</dd>
        </div>
      </dl>
    </div>
  );
}
