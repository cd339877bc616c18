import { z } from 'zod';
import { KeychainStatus } from './app';

/** How a repo authenticates; `identity-token` is an OAuth2 refresh token (Docker's identitytoken) traded at the token server. */
export const AuthMode = z.enum(['none', 'basic', 'bearer', 'token-server', 'identity-token']);

/** What a repo is: a classic HTTP chart repo (index.yaml) or a namespace of an OCI registry. */
export const RepoKind = z.enum(['http', 'oci']);

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
  /** OCI registries only: talk plain HTTP to the registry (Helm's --plain-http); unset means yes for loopback hosts only. */
  plainHttp: z.boolean().optional(),
});

/** An http(s) URL of at most 2048 characters. */
export const HttpUrl = z
  .string()
  .url()
  .max(2048)
  .refine((value) => /^https?:\/\//i.test(value), { message: 'Only http and https URLs are supported.' });

/** A stored repo location: an http(s) folder that holds index.yaml, or `oci://host[:port][/namespace]`. */
export const RepoUrl = z
  .string()
  .max(2048)
  .refine((value) => /^(https?|oci):\/\/[^/\s]+/i.test(value), { message: 'Only http, https and oci URLs are supported.' });

/** A chart name inside a registry namespace (one or more lower-case path components). */
export const RegistryChartName = z.string().min(1).max(250);

/** A chart repository as the user configured it. */
export const Repo = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  /** http: an index.yaml repo; oci: a registry namespace. Derived from the URL when the repo is added. */
  kind: RepoKind.default('http'),
  /** http(s): the folder that holds index.yaml; oci: `oci://host[:port][/namespace]`. */
  url: RepoUrl,
  auth: RepoAuth,
  tls: RepoTls.default({ insecureSkipVerify: false }),
  /** OCI only: charts the user named (for registries that do not list their repositories). */
  charts: z.array(RegistryChartName).max(10_000).default([]),
  /** Send repo credentials to chart URLs on other hosts too (Helm's pass_credentials_all). */
  passCredentialsAll: z.boolean().default(false),
  hasSecret: z.boolean().default(false),
});

/** A secret (password, API key or static token) as the user types it once; never stored in the repo list. */
export const Secret = z.string().min(1).max(65_536);

/** Names the repo a method acts on. */
export const RepoRef = z.object({ repoId: z.string().min(1).max(64) }).strict();

/**
 * What the user fills in to add a repo; `url` may also be a cm:// URL (helm-push), stored as https,
 * or an OCI location (`oci://ghcr.io/org/charts`, or bare `ghcr.io/org/charts`).
 */
export const RepoDraft = z
  .object({
    name: z.string().trim().min(1).max(200),
    url: z.string().trim().min(1).max(2048),
    auth: RepoAuth.default({ mode: 'none', dialect: 'auto' }),
    tls: RepoTls.optional(),
    charts: z.array(RegistryChartName).max(10_000).default([]),
    passCredentialsAll: z.boolean().default(false),
  })
  .strict();

/** addRepo's argument: the draft, and optionally the secret, which goes straight to the vault. */
export const AddRepoInput = RepoDraft.extend({ secret: Secret.optional() }).strict();

/** updateRepo's argument: the fields to change (auth and tls are replaced whole when given). */
export const UpdateRepoInput = z
  .object({
    repoId: z.string().min(1).max(64),
    changes: z
      .object({
        name: z.string().trim().min(1).max(200),
        url: z.string().trim().min(1).max(2048),
        auth: RepoAuth,
        tls: RepoTls,
        passCredentialsAll: z.boolean(),
      })
      .partial()
      .strict(),
  })
  .strict();

/** reorderRepos' argument: every repo id, in the new order. */
export const ReorderReposInput = z.object({ repoIds: z.array(z.string().min(1).max(64)).max(10_000) }).strict();

/** setCredential's argument: the secret arrives once and goes to the vault. */
export const SetCredentialInput = z
  .object({ repoId: z.string().min(1).max(64), secret: Secret, username: z.string().max(512).optional() })
  .strict();

/** What setCredential reports: the repo and where the secret now lives. */
export const SetCredentialResult = z.object({ repo: Repo, keychain: KeychainStatus });

/** One redacted request/response of a credential test (the flow engine's TraceEntry). */
export const CredentialTraceEntry = z.object({
  step: z.string(),
  method: z.string(),
  url: z.string(),
  status: z.number().int().optional(),
  requestHeaders: z.record(z.string(), z.string()),
  responseHeaders: z.record(z.string(), z.string()),
  durationMs: z.number(),
  bytes: z.number(),
  /** Content-Encoding of a compressed body; bytes is then the decoded size, wireBytes the size sent. */
  encoding: z.string().optional(),
  wireBytes: z.number().optional(),
  note: z.string().optional(),
  warning: z.string().optional(),
});

/** The result of testing a repo's credential: never the secret or the token itself. */
export const CredentialTestResult = z.object({
  ok: z.boolean(),
  /** A sentence for the user: what worked, or which step failed and why. */
  message: z.string(),
  /** HTTP status of the final request, when one was answered. */
  status: z.number().int().optional(),
  error: z.object({ kind: z.string(), step: z.string(), message: z.string(), hint: z.string().optional() }).optional(),
  /** Facts about the token the flow obtained (token-server repos), without the token. */
  token: z.object({ realm: z.string(), scope: z.string(), dialect: z.string(), expiresAt: z.number() }).optional(),
  trace: z.array(CredentialTraceEntry),
});

/** An explicitly revealed credential (for copying); logged nowhere. */
export const RevealedCredential = z.object({ secret: z.string().nullable(), username: z.string().optional() });

/** importHelmRepos' argument: the repositories.yaml to read (default: Helm's own). */
export const ImportHelmReposInput = z.object({ path: z.string().min(1).max(4096).optional() }).strict();

/** What an import did, entry by entry. */
export const HelmImportReport = z.object({
  /** The file that was read. */
  path: z.string(),
  imported: z.array(z.object({ name: z.string(), repoId: z.string(), passwordMoved: z.boolean(), warnings: z.array(z.string()) })),
  skipped: z.array(z.object({ name: z.string(), reason: z.string() })),
  keychain: KeychainStatus,
});

/** exportRepoCommands' result: shell commands that use the repo; never a secret. */
export const RepoCommands = z.object({
  /** POSIX shell lines, comments included, ready to paste. */
  script: z.string(),
  /** Whether the commands need the helm-push (cm-push) plugin. */
  needsCmPush: z.boolean(),
  /** Which Helm the commands are for, in words ("Helm 3 and Helm 4"); differences between them are comments in the script. */
  helm: z.string(),
  /** True when tools can get the repo's login from ChartDesk's credential helper (registries). */
  credentialHelper: z.boolean(),
});

/** Something the user should know about their data (a recovered store, an unreadable vault...). */
export const Notice = z.object({
  id: z.string(),
  level: z.enum(['info', 'warning']),
  message: z.string(),
  /** ms since epoch. */
  at: z.number(),
});

/** addNamedChart's and removeNamedChart's argument: a chart name in the repo's namespace, or a full `oci://host/ns/chart` URL under it. */
export const NamedChartInput = z.object({ repoId: z.string().min(1).max(64), chart: z.string().trim().min(1).max(2048) }).strict();

/** importRegistryAuth's argument: one Docker, Helm or Podman auth file; without a path, every default one. */
export const ImportRegistryAuthInput = z.object({ path: z.string().min(1).max(4096).optional() }).strict();

/** The kinds of registry credential files ChartDesk reads. */
export const RegistryAuthFormat = z.enum(['docker', 'helm', 'podman']);

/** What a registry credential import did, file by file and registry by registry. */
export const RegistryAuthImportReport = z.object({
  files: z.array(z.object({ path: z.string(), format: RegistryAuthFormat, found: z.boolean(), problem: z.string().optional() })),
  imported: z.array(
    z.object({
      name: z.string(),
      repoId: z.string(),
      registry: z.string(),
      /** Where the credential came from: the file itself, or the credential helper it names. */
      source: z.string(),
      secretMoved: z.boolean(),
    }),
  ),
  skipped: z.array(z.object({ registry: z.string(), reason: z.string() })),
  keychain: KeychainStatus,
});
