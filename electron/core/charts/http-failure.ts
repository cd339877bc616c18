/** Turns an unexpected HTTP status into a ChartDeskError with a sentence a user understands. */
import { ChartDeskError } from '../errors';
import { redactText } from '../http/redact';

/** Strips control characters (and anything JWT-like) from a server-provided text and shortens it for a message. */
export function serverText(body: Buffer, max = 200): string {
  let text = body.subarray(0, 4096).toString('utf8');
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && 'error' in parsed && typeof parsed.error === 'string') text = parsed.error;
  } catch {
    // not JSON: keep the text
  }
  // eslint-disable-next-line no-control-regex -- control characters never belong in a message
  const clean = redactText(text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim());
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

/** The error for a non-success `status` while doing `what` (e.g. "downloading mychart 0.1.0"). */
export function httpFailure(step: string, what: string, status: number): ChartDeskError {
  const cause: HttpStatusCause = { httpStatus: status };
  if (status === 404) return new ChartDeskError('not-found', step, `The server has nothing at that address (404) while ${what}.`, { cause });
  if (status === 401 || status === 403) {
    return new ChartDeskError('repo-rejected-token', step, `The server refused access (${status}) while ${what}.`, { hint: 'Check the repo credentials and the scopes they grant.', cause });
  }
  if (status >= 500) return new ChartDeskError('http', step, `The server failed (${status}) while ${what}. Try again later.`, { cause });
  return new ChartDeskError('http', step, `The server answered ${status} while ${what}.`, { cause });
}

/** The cause attached by httpFailure. */
export interface HttpStatusCause {
  httpStatus: number;
}

/** The HTTP status behind an httpFailure error, if that is what it is. */
export function httpStatusOf(error: unknown): number | undefined {
  const cause = error instanceof Error ? error.cause : undefined;
  return cause && typeof cause === 'object' && 'httpStatus' in cause && typeof cause.httpStatus === 'number' ? cause.httpStatus : undefined;
}
