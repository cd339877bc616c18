/** Fetches a JWKS document through the HTTP client (timeouts, size cap, trace). */
import type { JSONWebKeySet } from 'jose';
import { ChartDeskError } from '../errors';
import type { HttpClient } from '../http/client';
import { createTrace } from '../http/trace';

/** Downloads and checks a JWKS from `url` (http or https). */
export async function fetchJwks(http: HttpClient, url: string, signal?: AbortSignal): Promise<JSONWebKeySet> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ChartDeskError('bad-request', 'jwks', 'The JWKS URL is not a valid URL.');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new ChartDeskError('bad-request', 'jwks', 'The JWKS URL must start with http:// or https://.');
  const res = await http.send({ step: 'jwks', method: 'GET', url: parsed.toString(), headers: { accept: 'application/json' }, maxBytes: 1024 * 1024, ...(signal ? { signal } : {}) }, createTrace());
  if (res.status < 200 || res.status > 299) throw new ChartDeskError('http', 'jwks', `The JWKS URL answered HTTP ${res.status}.`);
  let json: unknown;
  try {
    json = JSON.parse(res.body.toString('utf8'));
  } catch {
    throw new ChartDeskError('bad-request', 'jwks', 'The JWKS URL did not return JSON.');
  }
  const keys = (json as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) throw new ChartDeskError('bad-request', 'jwks', 'The JWKS document has no "keys" list.');
  return json as JSONWebKeySet;
}
