/**
 * Contract schemas of probing a typed repo URL without credentials ("detect, then ask"): what the
 * server's first answers showed, in words, and the repo settings ChartDesk proposes from them.
 */
import { z } from 'zod';
import { AuthMode, RepoKind, TokenDialect } from './repos';

/** probeRepoUrl's argument: the URL as typed, and the connection settings typed so far (none of them a credential). */
export const ProbeRepoUrlInput = z
  .object({
    url: z.string().trim().min(1).max(2048),
    tls: z
      .object({
        caFile: z.string().max(4096).optional(),
        insecureSkipVerify: z.boolean().default(false),
        /** Registries: plain HTTP (unset: yes for loopback hosts only). */
        plainHttp: z.boolean().optional(),
      })
      .strict()
      .optional(),
    /** Probes with the same key supersede each other: a new one cancels the one still running. */
    key: z.string().min(1).max(64).optional(),
  })
  .strict();

/** What the probe found, in one word. */
export const ProbeOutcome = z.enum([
  /** A readable index.yaml: a public repo. */
  'index',
  /** 401 with a Bearer challenge: a token server (ChartMuseum's bearer auth, or Docker's token spec). */
  'token-server',
  /** 401 with a Basic challenge: a user name and password. */
  'basic',
  /** An OCI registry (`/v2/` answered as the distribution spec says). */
  'registry',
  /** 404, here and one level up. */
  'not-found',
  /** It answered, but with something that is not a chart repo (or refused without saying how to log in). */
  'not-a-repo',
  /** The TLS handshake failed (an untrusted or wrong certificate, or no TLS at all). */
  'tls',
  /** The host could not be reached, or did not answer in time. */
  'unreachable',
  /** The text is not a URL ChartDesk can use. */
  'invalid',
]);

/** The repo settings ChartDesk proposes; the user can change any of them. */
export const RepoProposal = z.object({
  kind: RepoKind,
  /** The URL to store: the typed one, or a likely fix (the folder one level up, an oci:// location). */
  url: z.string(),
  mode: AuthMode,
  dialect: TokenDialect,
  /** Registries: talk plain HTTP (set for registries on this machine, or when https failed and http answered). */
  plainHttp: z.boolean().optional(),
  /** The mode needs a secret (password or API key) that only the user can type. */
  needsSecret: z.boolean(),
  /** The mode needs a user name too. */
  needsUsername: z.boolean(),
});

/** An authentication challenge as the server sent it. */
export const ProbeChallenge = z.object({
  /** 'bearer' or 'basic' (lower-cased). */
  scheme: z.string(),
  /** Bearer: the token server's URL. */
  realm: z.string().optional(),
  service: z.string().optional(),
  /** The scope the challenge named, as written. */
  scope: z.string().optional(),
  /** The token dialect ChartDesk would try: A for a ChartMuseum scope (`artifact-repository:…`), B for a Docker one (`repository:…`). */
  dialect: z.enum(['A', 'B']).optional(),
  /** The token server is on another host than the repo: a secret goes there only after the user approves it. */
  realmElsewhere: z.boolean().optional(),
  /** Registries: the token server hands out anonymous tokens (public pulls work without a login). */
  anonymousTokens: z.boolean().optional(),
});

/** One request the probe sent (never with a credential), and how it was answered. */
export const ProbeRequest = z.object({
  method: z.string(),
  url: z.string(),
  status: z.number().int().optional(),
  note: z.string().optional(),
});

/** What probeRepoUrl found out. */
export const RepoUrlProbe = z.object({
  /** The URL as typed. */
  url: z.string(),
  outcome: ProbeOutcome,
  /** One sentence: what is at that URL. */
  headline: z.string(),
  /** What showed it, one fact a line, in words. */
  evidence: z.array(z.string()),
  /** The settings ChartDesk proposes; absent when nothing usable was found. */
  proposal: RepoProposal.optional(),
  /** A URL that likely works instead of the typed one, and why (the proposal uses it). */
  fix: z.object({ url: z.string(), reason: z.string() }).optional(),
  challenge: ProbeChallenge.optional(),
  /** A readable index: how many charts it lists and who serves it. */
  index: z.object({ chartCount: z.number().int().nonnegative(), versionCount: z.number().int().nonnegative(), servedByChartMuseum: z.boolean() }).optional(),
  /** What the user can do about a failure (set a CA file, tick plain HTTP, check the path). */
  hint: z.string().optional(),
  /** The requests sent, redacted as traces are. */
  checked: z.array(ProbeRequest),
  durationMs: z.number().nonnegative(),
});
