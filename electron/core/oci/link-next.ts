/** The `Link: <…>; rel="next"` header of paginated registry answers (catalog, tags), checked before it is followed. */
import { ChartDeskError } from '../errors';

/** The next page's URL (absolute), or undefined on the last page; a link to another host is refused. */
export function nextPageUrl(linkHeader: string | undefined, current: string): string | undefined {
  if (!linkHeader || linkHeader.length > 8192) return undefined;
  for (const part of linkHeader.split(/,(?=\s*<)/)) {
    const match = /^\s*<([^>]*)>\s*((?:;[^;]*)*)$/.exec(part);
    if (!match) continue;
    const params = (match[2] ?? '').toLowerCase();
    if (!/;\s*rel\s*=\s*"?next"?/.test(params)) continue;
    let next: URL;
    try {
      next = new URL(match[1] ?? '', current);
    } catch {
      throw new ChartDeskError('http', 'paginate', 'The registry’s next-page link is not a URL.');
    }
    const here = new URL(current);
    if (next.protocol !== here.protocol || next.host !== here.host) {
      throw new ChartDeskError('http', 'paginate', `The registry sent a next-page link to another host (${next.host.slice(0, 100)}); ChartDesk does not follow it.`, {
        hint: 'A registry’s pages stay on the registry; the link may have been tampered with.',
      });
    }
    return next.toString();
  }
  return undefined;
}
