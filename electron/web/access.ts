import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The checks the browser-mode server makes before it serves anything. */
export interface AccessPolicy {
  /** The exact Host header value this server answers to, e.g. "127.0.0.1:43121". */
  host: string;
  /** The exact Origin of the app, e.g. "http://127.0.0.1:43121". */
  origin: string;
  /** The per-launch secret. */
  token: string;
  /** The name of the session cookie that carries the token. */
  cookieName: string;
}

/** Compares two strings in constant time. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** True when the request's Host header names this server exactly (blocks DNS rebinding). */
export function hostAllowed(req: IncomingMessage, policy: AccessPolicy): boolean {
  return req.headers.host === policy.host;
}

/** True when the request carries no Origin or this server's own. */
export function originAllowed(req: IncomingMessage, policy: AccessPolicy, required: boolean): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return !required;
  return origin === policy.origin;
}

/** Reads one cookie's value from a Cookie header. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** True when the request proves it knows the token, by session cookie or by bearer header. */
export function tokenPresented(req: IncomingMessage, policy: AccessPolicy): boolean {
  const cookie = readCookie(req.headers.cookie, policy.cookieName);
  if (cookie !== undefined && safeEqual(cookie, policy.token)) return true;
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ') && safeEqual(auth.slice(7), policy.token)) return true;
  return false;
}
