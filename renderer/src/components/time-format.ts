const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;

function count(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/**
 * A duration for the countdown, exact when short and in words when long: "4:58" under an hour,
 * "2 h 5 min" under a day, "1 day 4 h" under two, then "3 days", "5 weeks", "4 months", "7 years".
 */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  if (total < HOUR) return `${Math.floor(total / MINUTE)}:${String(total % MINUTE).padStart(2, '0')}`;
  if (total < DAY) return `${Math.floor(total / HOUR)} h ${Math.floor((total % HOUR) / MINUTE)} min`;
  const days = Math.floor(total / DAY);
  if (days < 2) return `1 day ${Math.floor((total % DAY) / HOUR)} h`;
  if (days < 14) return count(days, 'day');
  if (days < 60) return count(Math.floor(days / 7), 'week');
  if (days < 365) return count(Math.floor(days / 30.44), 'month');
  return count(Math.floor(days / 365.25), 'year');
}

/** A local date and time with seconds, e.g. "28 Nov 2026, 15:35:56", or "—" when absent. */
export function formatLocalTime(ms: number | undefined): string {
  if (ms === undefined) return '—';
  return new Date(ms).toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** A byte count for people: "554 B", "12.3 kB", "4.1 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(1)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
