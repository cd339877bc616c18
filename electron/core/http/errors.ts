/** Maps low-level network failures (undici, Node TLS) to ChartDeskError kinds a user understands. */
import { ChartDeskError } from '../errors';

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT', 'ESOCKETTIMEDOUT']);
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

function codeOf(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_CONNECT' && code !== 'UND_ERR') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return '';
}

function isTlsCode(code: string): boolean {
  return /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|EPROTO$|HOSTNAME_MISMATCH)/.test(code);
}

function describeTls(code: string): string {
  if (code === 'DEPTH_ZERO_SELF_SIGNED_CERT' || code === 'SELF_SIGNED_CERT_IN_CHAIN') return 'its certificate is self-signed and not trusted here';
  if (code.startsWith('UNABLE_TO_')) return 'its certificate is not signed by a trusted authority';
  if (code === 'CERT_HAS_EXPIRED') return 'its certificate has expired';
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' || code === 'HOSTNAME_MISMATCH') return 'its certificate is for a different host name';
  return `the TLS handshake failed (${code})`;
}

/** The timeouts a request ran with, ms, so a timeout message can say how long ChartDesk waited. */
export interface TimeoutLimits {
  connectMs: number;
  headersMs: number;
  bodyMs: number;
}

const secondsOf = (ms: number) => `${Math.round(ms / 100) / 10} s`;

/** Turns any error thrown while talking to `origin` during `step` into a ChartDeskError. */
export function mapNetworkError(error: unknown, step: string, origin: string, signal?: AbortSignal, limits?: TimeoutLimits): ChartDeskError {
  if (error instanceof ChartDeskError) return error;
  const code = codeOf(error);
  const name = error instanceof Error ? error.name : '';
  if (signal?.aborted || name === 'AbortError' || code === 'UND_ERR_ABORTED' || code === 'ABORT_ERR') {
    return new ChartDeskError('cancelled', step, `The request to ${origin} was cancelled.`, { cause: error });
  }
  if (TIMEOUT_CODES.has(code)) {
    const what = code === 'UND_ERR_CONNECT_TIMEOUT' ? 'connect' : code === 'UND_ERR_BODY_TIMEOUT' ? 'send the rest of its answer' : 'answer';
    const limit = !limits ? undefined : code === 'UND_ERR_CONNECT_TIMEOUT' ? limits.connectMs : code === 'UND_ERR_BODY_TIMEOUT' ? limits.bodyMs : code === 'UND_ERR_HEADERS_TIMEOUT' ? limits.headersMs : undefined;
    const waited = limit === undefined ? '' : code === 'UND_ERR_BODY_TIMEOUT' ? ` (nothing arrived for ${secondsOf(limit)})` : ` (more than ${secondsOf(limit)})`;
    return new ChartDeskError('timeout', step, `${origin} took too long to ${what}${waited}.`, {
      hint: 'Check that the server is up and reachable, or try again later; the timeouts are in Settings.',
      cause: error,
    });
  }
  if (isTlsCode(code)) {
    return new ChartDeskError('tls', step, `Could not establish a secure connection to ${origin}: ${describeTls(code)}.`, {
      hint: 'Set a CA file for this repo, or (only for testing) skip TLS verification.',
      cause: error,
    });
  }
  if (NETWORK_CODES.has(code) || name === 'SocketError') {
    const reason = code === 'ECONNREFUSED' ? 'the connection was refused' : code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? 'the host name does not resolve' : 'the connection failed';
    return new ChartDeskError('network', step, `Could not reach ${origin}: ${reason}.`, { hint: 'Check the URL, the network and any proxy settings.', cause: error });
  }
  return new ChartDeskError('network', step, `The request to ${origin} failed${code ? ` (${code})` : ''}.`, { cause: error });
}
