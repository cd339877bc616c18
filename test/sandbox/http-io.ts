/** Small HTTP helpers shared by both sandbox servers: bounded body reads and gin-like replies. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { goJson } from './go-json';

/** Thrown by readBody when the request body exceeds its cap. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`request body larger than ${limit} bytes`);
  }
}

/** Reads a request body into memory, failing past `limit` bytes. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        reject(new BodyTooLargeError(limit));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** gin's c.JSON: `application/json; charset=utf-8`, compact Go-escaped JSON, no trailing newline. */
export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = Buffer.from(goJson(value), 'utf8');
  send(res, status, body, 'application/json; charset=utf-8', headers);
}

/** gin's c.Data / c.String: a body with an explicit content type. */
export function send(res: ServerResponse, status: number, body: Buffer | string, contentType: string | undefined, headers: Record<string, string> = {}): void {
  const buffer = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (contentType !== undefined) res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', String(buffer.length));
  res.statusCode = status;
  res.end(res.req.method === 'HEAD' ? undefined : buffer);
}

/** gin's default 404 for an unknown route: `404 page not found`, text/plain. */
export function sendGinNotFound(res: ServerResponse): void {
  send(res, 404, '404 page not found', 'text/plain');
}

/** The request's headers as a plain record (first value of repeated headers joined by ', '). */
export function headerRecord(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
