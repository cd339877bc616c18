/** Shared helpers for the sandbox tests: raw HTTP requests, tokens and hand-made JWTs. */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { SignJWT, importPKCS8 } from 'jose';
import { SHARED_DATA } from '../../support/paths';
import type { Sandbox } from '../../sandbox/index';

/** A response with its raw header names (to check how the server spells them). */
export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  rawHeaderNames: string[];
  body: Buffer;
  text: string;
}

/** One HTTP request over loopback with Node's http client (no retries, no redirects). */
export function request(url: string, init: { method?: string; headers?: Record<string, string>; body?: Buffer | string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers, timeout: 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, rawHeaderNames: res.rawHeaders.filter((_, i) => i % 2 === 0), body, text: body.toString('utf8') });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`timeout: ${url}`)));
    req.on('error', reject);
    req.end(init.body);
  });
}

/** A dialect-A token for one scope, straight from the sandbox token server. */
export async function tokenFor(sb: Sandbox, scope: string, key = 'MASTERKEY'): Promise<string> {
  const res = await request(`${sb.tokenUrl}?grant_type=client_credentials&scope=${encodeURIComponent(scope)}`, { method: 'POST', headers: { Authorization: `Bearer ${key}` } });
  if (res.status !== 200) throw new Error(`token server said ${res.status}: ${res.text}`);
  return (JSON.parse(res.text) as { access_token: string }).access_token;
}

/** The shared example key pair's private key (PEM). */
export const EXAMPLE_KEY_PEM = readFileSync(path.join(SHARED_DATA, 'auth', 'chartmuseum-example-server.key'), 'utf8');

/** A file from ../shared/data/charts. */
export function sharedChart(name: string): Buffer {
  return readFileSync(path.join(SHARED_DATA, 'charts', name));
}

/** Signs arbitrary claims with the example key (RS256 by default, or PS256). */
export async function signWithExampleKey(claims: Record<string, unknown>, alg: 'RS256' | 'RS384' | 'RS512' | 'PS256' = 'RS256'): Promise<string> {
  const key = await importPKCS8(EXAMPLE_KEY_PEM, alg);
  return new SignJWT(claims).setProtectedHeader({ alg, typ: 'JWT' }).sign(key);
}

/** Seconds since the epoch, now. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** An access claim for one namespace. */
export function accessFor(name: string, actions: string[]): Array<{ type: string; name: string; actions: string[] }> {
  return [{ type: 'artifact-repository', name, actions }];
}
