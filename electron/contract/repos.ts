import { z } from 'zod';

/** How a repo authenticates. */
export const AuthMode = z.enum(['none', 'basic', 'bearer', 'token-server']);

/** Token request dialect of protocol.md §4; auto tries A, then B, then C. */
export const TokenDialect = z.enum(['auto', 'A', 'B', 'C']);

/** Authentication settings of a repo (never the secret itself). */
export const RepoAuth = z.object({
  mode: AuthMode,
  username: z.string().max(512).optional(),
  dialect: TokenDialect.default('auto'),
  /** Send the credential in this header instead of Authorization (helm-push's HELM_REPO_AUTH_HEADER). */
  headerName: z.string().regex(/^[A-Za-z0-9-]{1,128}$/).optional(),
  /** Origin of the token server the user approved for this repo's secret. */
  approvedRealmOrigin: z.string().max(2048).optional(),
  /** client_id sent in dialect C. */
  clientId: z.string().max(256).optional(),
});

/** TLS settings of a repo; files are referenced, never copied. */
export const RepoTls = z.object({
  caFile: z.string().max(4096).optional(),
  certFile: z.string().max(4096).optional(),
  keyFile: z.string().max(4096).optional(),
  insecureSkipVerify: z.boolean().default(false),
});

/** A chart repository as the user configured it. */
export const Repo = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  /** Base URL of the repo (the folder that holds index.yaml), http or https. */
  url: z.string().url().max(2048),
  auth: RepoAuth,
  tls: RepoTls.default({ insecureSkipVerify: false }),
  /** Send repo credentials to chart URLs on other hosts too (Helm's pass_credentials_all). */
  passCredentialsAll: z.boolean().default(false),
  hasSecret: z.boolean().default(false),
});
