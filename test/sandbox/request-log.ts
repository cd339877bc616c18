/** Records every request a sandbox server answers, for tests to assert on. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { headerRecord } from './http-io';
import type { SeenRequest } from './options';

/** Appends `{server, method, url, headers, status}` to `log` once the response is finished. */
export function recordRequest(log: SeenRequest[], server: SeenRequest['server'], req: IncomingMessage, res: ServerResponse): void {
  const entry = { server, method: req.method ?? '', url: req.url ?? '', headers: headerRecord(req) };
  res.on('finish', () => log.push({ ...entry, status: res.statusCode }));
}
