const REASONS: Record<number, string> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified',
  307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden',
  404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 429: 'Too Many Requests', 500: 'Internal Server Error',
  502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/** "401 Unauthorized" for 401; just the number for unusual codes. */
export function statusText(status: number): string {
  const reason = REASONS[status];
  return reason ? `${status} ${reason}` : String(status);
}

/** 'ok' (2xx/3xx), 'client' (4xx) or 'server' (5xx), for colouring a status. */
export function statusTone(status: number): 'ok' | 'client' | 'server' {
  return status >= 500 ? 'server' : status >= 400 ? 'client' : 'ok';
}
