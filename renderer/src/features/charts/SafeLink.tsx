import type { ReactNode } from 'react';

/** The URL when it is an absolute https URL, else undefined (only https links are ever clickable). */
export function httpsOnly(url: string | undefined): string | undefined {
  if (!url || !/^https:\/\/[^/]/i.test(url.trim())) return undefined;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'https:' && parsed.hostname ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A link to an https page, opened outside the app (Electron hands it to the system browser through
 * its allow-list); any other URL is shown as plain text.
 */
export function SafeLink({ href, children, className }: { href: string | undefined; children?: ReactNode; className?: string }) {
  const safe = httpsOnly(href);
  if (!safe) return <span className={`unsafe-link ${className ?? ''}`} title={href ? 'Not an https link, so not clickable' : undefined}>{children ?? href}</span>;
  return (
    <a className={className} href={safe} target="_blank" rel="noopener noreferrer" title={safe}>
      {children ?? safe}
    </a>
  );
}
