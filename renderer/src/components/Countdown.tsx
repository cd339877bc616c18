import { useEffect, useState } from 'react';
import { formatDuration } from './time-format';
import './components.css';

/** How close a deadline is: 'ok', 'soon' (under the warning window) or 'expired'. */
export type CountdownState = 'ok' | 'soon' | 'expired';

/** The time left until `expiresAt` (ms epoch), ticking every second, and its state. */
export function useCountdown(expiresAt: number, soonMs = 60_000): { remainingMs: number; state: CountdownState } {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const remainingMs = expiresAt - now;
  const state: CountdownState = remainingMs <= 0 ? 'expired' : remainingMs < soonMs ? 'soon' : 'ok';
  return { remainingMs, state };
}

/**
 * A live countdown to `expiresAt` ("Expires in 4:58", "Expiring soon: 0:42", "Expired 3 days ago"),
 * with `data-state` ok | soon | expired for styling and tests. `soonMs` defaults to 60 s.
 */
export function Countdown({ expiresAt, soonMs = 60_000, testId = 'countdown' }: { expiresAt: number; soonMs?: number; testId?: string }) {
  const { remainingMs, state } = useCountdown(expiresAt, soonMs);
  const text =
    state === 'expired' ? `Expired ${formatDuration(-remainingMs)} ago` : state === 'soon' ? `Expiring soon: ${formatDuration(remainingMs)}` : `Expires in ${formatDuration(remainingMs)}`;
  return (
    <span className={`countdown countdown-${state}`} role="timer" data-state={state} data-testid={testId}>
      <span className="countdown-dot" aria-hidden="true" />
      {text}
    </span>
  );
}
