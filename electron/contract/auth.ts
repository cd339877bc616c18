/** Contract schemas of the auth flow: connect, tokens (masked unless revealed), JWT decode/verify, realm approval. */
import { z } from 'zod';
import { CredentialTraceEntry, HttpUrl } from './repos';

/** One redacted request/response of the flow (same shape as the credential test's trace). */
export const TraceEntry = CredentialTraceEntry;

/** The operation a token is for: push asks the token server for pull,push. */
export const TokenScope = z.enum(['pull', 'push']);

/** One entry of a token's `access` claim. */
export const AccessEntry = z.object({ type: z.string(), name: z.string(), actions: z.array(z.string()) });

/** A JWT's decoded header and claims (not verified); times in ms since epoch. */
export const DecodedJwt = z.object({
  header: z.record(z.string(), z.unknown()),
  claims: z.record(z.string(), z.unknown()),
  access: z.array(AccessEntry),
  issuedAt: z.number().optional(),
  expiresAt: z.number().optional(),
  notBefore: z.number().optional(),
  expired: z.boolean(),
});

/** A token as the UI shows it: masked, decoded, with where it came from. */
export const TokenView = z.object({
  /** The token with only a few characters at each end ("eyJh…x9Qk"); revealToken gives the raw one. */
  masked: z.string(),
  /** True when the token is a JWT (header and claims decoded); false for an opaque token. */
  isJwt: z.boolean(),
  header: z.record(z.string(), z.unknown()),
  claims: z.record(z.string(), z.unknown()),
  access: z.array(AccessEntry),
  issuedAt: z.number().optional(),
  /** ms since epoch; the cache's idea of expiry (JWT exp, else expires_in, else 60 s). */
  expiresAt: z.number(),
  /** The token dialect used; absent for a static token. */
  dialect: z.enum(['A', 'B', 'C']).optional(),
  /** The token server URL; absent for a static token. */
  realm: z.string().optional(),
  service: z.string().optional(),
  /** The scope string the token was asked for. */
  scope: z.string(),
});

/** Names a repo and the operation. */
export const RepoScopeInput = z.object({ repoId: z.string().min(1).max(64), scope: TokenScope.default('pull') }).strict();

/** connectRepo's argument: `fresh` drops the repo's cached token first, so the trace shows the whole flow. */
export const ConnectRepoInput = RepoScopeInput.extend({ fresh: z.boolean().default(false) }).strict();

/** getToken's argument: `fresh` skips the cache. */
export const GetTokenInput = RepoScopeInput.extend({ fresh: z.boolean().default(false) }).strict();

/** The result of a connect: the final status and the trace, or the failure with the trace up to it. */
export const ConnectResult = z.object({
  ok: z.boolean(),
  status: z.number().int().optional(),
  trace: z.array(TraceEntry),
  token: TokenView.optional(),
  error: z.object({ kind: z.string(), step: z.string(), message: z.string(), hint: z.string().optional() }).optional(),
});

/** An explicitly revealed raw token. */
export const RevealedToken = z.object({ token: z.string() });

/** decodeJwt's argument. */
export const DecodeJwtInput = z.object({ jwt: z.string().max(65_536) }).strict();

/** verifyJwt's argument: exactly one of a PEM (public key or certificate) and a JWKS URL. */
export const VerifyJwtInput = z
  .object({ jwt: z.string().max(65_536), keyPem: z.string().max(65_536).optional(), jwksUrl: HttpUrl.optional() })
  .strict()
  .refine((v) => (v.keyPem === undefined) !== (v.jwksUrl === undefined), { message: 'Give either keyPem or jwksUrl.' });

/** A verification outcome with the decoded token. */
export const JwtVerification = z.object({
  verified: z.boolean(),
  code: z.enum(['expired', 'not-yet-valid', 'bad-signature', 'wrong-alg', 'no-matching-key', 'bad-key']).optional(),
  reason: z.string().optional(),
  decoded: DecodedJwt,
});

/** approveRealm's argument: the token-server origin the user trusts with this repo's secret. */
export const ApproveRealmInput = z.object({ repoId: z.string().min(1).max(64), origin: HttpUrl }).strict();

/** What approveRealm stored. */
export const ApprovedRealm = z.object({ repoId: z.string(), origin: z.string() });

/** setTokenRefresh's argument: keep the repo's token fresh while it is in use (or stop). */
export const TokenRefreshInput = RepoScopeInput.extend({ enabled: z.boolean() }).strict();

/** tokenUpdated's payload. */
export const TokenUpdated = z.object({ repoId: z.string(), scope: TokenScope, token: TokenView });
