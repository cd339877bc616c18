/** When the offline copy of an index may stand in for the network, and how to say how old it is. */
import { httpStatusOf } from '../charts/http-failure';
import { ChartDeskError } from '../errors';

/** True for failures of reach (network down, timeout, server error), not for refusals or bad data. */
export function canFallBackOffline(error: unknown): boolean {
  if (!(error instanceof ChartDeskError)) return false;
  if (error.kind === 'network' || error.kind === 'timeout') return true;
  const status = httpStatusOf(error);
  return status !== undefined && (status >= 500 || status === 408 || status === 429);
}

/** "2 minutes ago", "3 hours ago", "5 days ago". */
export function describeAge(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const unit = (value: number, name: string) => `${value} ${name}${value === 1 ? '' : 's'} ago`;
  if (seconds < 60) return seconds < 5 ? 'just now' : unit(seconds, 'second');
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return unit(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 48) return unit(hours, 'hour');
  return unit(Math.round(hours / 24), 'day');
}
