/** Small formatting helpers for the Charts tab: sizes, ages, dates, digests, helm names. */

/** "4.0 MB", "812 KB", "96 B". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** An age in words: "moments ago", "5 minutes ago", "3 hours ago", "2 days ago". */
export function formatAge(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'moments ago';
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  const days = Math.floor(hours / 24);
  return `${days} days ago`;
}

/** Parses an RFC 3339 timestamp (nanoseconds allowed) into a Date, or undefined. */
export function parseCreated(created: string | undefined): Date | undefined {
  if (!created) return undefined;
  const trimmed = created.trim().replace(/(\.\d{3})\d+/, '$1');
  const date = new Date(trimmed);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The created date in the user's locale (with the time when `withTime`), or the raw text when it cannot be parsed. */
export function formatCreated(created: string | undefined, withTime = true): string {
  const date = parseCreated(created);
  if (!date) return created ?? '—';
  return (withTime ? dateTimeFormat() : dateFormat()).format(date);
}

// Made once (toLocaleString with options builds a formatter on every call: a table of versions calls it twice a row).
let dateTimeFormatter: Intl.DateTimeFormat | undefined;
let dateFormatter: Intl.DateTimeFormat | undefined;
const dateTimeFormat = () => (dateTimeFormatter ??= new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }));
const dateFormat = () => (dateFormatter ??= new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' }));

/** A package URL made short for a table cell: relative URLs as written, absolute ones as host/…/file. */
export function shortUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const file = parsed.pathname.split('/').filter(Boolean).pop() ?? '';
    return parsed.pathname.split('/').filter(Boolean).length > 1 ? `${parsed.host}/…/${file}` : `${parsed.host}/${file}`;
  } catch {
    return url;
  }
}

/**
 * A package URL split for a cell that elides in the middle: `lead` (host and a folder hint, e.g.
 * "github.com/…/") may be cut, `file` ("grafana-10.5.15.tgz") stays whole. Relative URLs keep their folders.
 */
export function urlParts(url: string): { lead: string; file: string } {
  const short = shortUrl(url);
  const cut = short.lastIndexOf('/') + 1;
  return { lead: short.slice(0, cut), file: short.slice(cut) };
}

/** The first 12 hex digits of a digest ("sha256:" dropped). */
export function shortDigest(digest: string): string {
  const hex = digest.replace(/^sha256:/i, '');
  return hex.length > 12 ? hex.slice(0, 12) : hex;
}


/** A count with its noun: "1 version", "12 versions". */
export function plural(count: number, noun: string): string {
  return `${count.toLocaleString()} ${noun}${count === 1 ? '' : 's'}`;
}
