/** Turns a registry's non-success answers into sentences (the distribution spec's `{"errors":[{code,message}]}` body). */
import { ChartDeskError } from '../errors';
import { serverText } from '../charts/http-failure';
import type { FlowResponse } from '../auth/types';

/** The first error code and message of a registry error body, when it has one. */
export function registryErrorOf(body: Buffer): { code: string; message: string } | undefined {
  try {
    const parsed = JSON.parse(body.subarray(0, 65_536).toString('utf8')) as { errors?: Array<{ code?: unknown; message?: unknown }> };
    const first = Array.isArray(parsed?.errors) ? parsed.errors[0] : undefined;
    if (first && typeof first.code === 'string') return { code: first.code.slice(0, 64), message: typeof first.message === 'string' ? serverText(Buffer.from(first.message), 160) : '' };
  } catch {
    // not JSON
  }
  return undefined;
}

/** True when the answer is a web page (a login portal, a proxy's error page) rather than the registry API. */
export function isHtml(response: Pick<FlowResponse, 'headers' | 'body'>): boolean {
  const type = response.headers['content-type'] ?? '';
  return /text\/html/i.test(type) || /^\s*<(!doctype|html)/i.test(response.body.subarray(0, 64).toString('utf8'));
}

/** The error for a registry answer that is not a success, while doing `what` (e.g. "reading the tags of charts/app"). */
export function registryFailure(step: string, what: string, response: Pick<FlowResponse, 'status' | 'headers' | 'body'>): ChartDeskError {
  const { status } = response;
  const found = registryErrorOf(response.body);
  const reason = found ? `${found.code}${found.message ? `: ${found.message}` : ''}` : '';
  const cause = { httpStatus: status };
  if (isHtml(response) && !found) {
    return new ChartDeskError('http', step, `The server answered a web page (HTTP ${status}) instead of the registry API while ${what}.`, {
      hint: 'Check that the address is an OCI registry (its API lives under /v2/), not a website or a login portal.',
      cause,
    });
  }
  if (status === 404) return new ChartDeskError('not-found', step, `The registry has nothing there (404${reason ? `, ${reason}` : ''}) while ${what}.`, { cause });
  if (status === 401 || status === 403) {
    return new ChartDeskError('repo-rejected-token', step, `The registry refused access (${status}${reason ? `, ${reason}` : ''}) while ${what}.`, {
      hint: 'Check the repo’s credentials and what they may read or write.',
      cause,
    });
  }
  if (status === 405 || found?.code === 'UNSUPPORTED') {
    return new ChartDeskError('http', step, `The registry does not support this (${status}${reason ? `, ${reason}` : ''}) while ${what}.`, { cause });
  }
  if (status === 429) return new ChartDeskError('http', step, `The registry is rate-limiting requests (429) while ${what}. Try again later.`, { cause });
  if (status >= 500) return new ChartDeskError('http', step, `The registry failed (${status}${reason ? `, ${reason}` : ''}) while ${what}. Try again later.`, { cause });
  return new ChartDeskError('http', step, `The registry answered ${status}${reason ? ` (${reason})` : ''} while ${what}.`, { cause });
}
