/** Turns a token into what the UI may see: masked, decoded, with its access table. */
import type { z } from 'zod';
import type { TokenView } from '../../contract/auth';
import { maskSecret } from '../http/redact';
import { tryDecodeJwt } from '../jwt/decode';
import type { TokenInfo } from './types';

/** The contract's TokenView. */
export type TokenViewRecord = z.output<typeof TokenView>;

/** A view of a token from the token server. */
export function tokenView(info: TokenInfo, now: number = Date.now()): TokenViewRecord {
  const decoded = tryDecodeJwt(info.token, now);
  const view: TokenViewRecord = {
    masked: maskSecret(info.token),
    isJwt: decoded !== undefined,
    header: decoded?.header ?? {},
    claims: decoded?.claims ?? {},
    access: decoded?.access ?? [],
    expiresAt: info.expiresAt,
    dialect: info.dialect,
    realm: info.realm,
    scope: info.scope,
  };
  const issuedAt = info.issuedAt ?? decoded?.issuedAt;
  if (issuedAt !== undefined) view.issuedAt = issuedAt;
  if (info.service !== undefined) view.service = info.service;
  return view;
}

/** A view of a static (stored) token; its expiry is the JWT's exp, or unknown (shown as far future). */
export function staticTokenView(token: string, scope: string, now: number = Date.now()): TokenViewRecord {
  const decoded = tryDecodeJwt(token, now);
  const view: TokenViewRecord = {
    masked: maskSecret(token),
    isJwt: decoded !== undefined,
    header: decoded?.header ?? {},
    claims: decoded?.claims ?? {},
    access: decoded?.access ?? [],
    expiresAt: decoded?.expiresAt ?? Number.MAX_SAFE_INTEGER,
    scope,
  };
  if (decoded?.issuedAt !== undefined) view.issuedAt = decoded.issuedAt;
  return view;
}
