/** A one-off repo for a bare URL on the command line; credentials from the environment only. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { FlowCredentials, FlowRepo } from '../core/auth/types';
import { redactUrl } from '../core/http/redact';
import { UsageError } from './command';
import { unknownOptionMessage } from './option-hint';

/** The options every network command shares. */
export const NETWORK_OPTIONS = {
  dialect: { type: 'string' },
  'ca-file': { type: 'string' },
  insecure: { type: 'boolean', default: false },
  'approve-realm': { type: 'string' },
  'plain-http': { type: 'boolean' },
  trace: { type: 'boolean', default: false },
} as const;

const { trace: _trace, ...chartNetworkOptions } = NETWORK_OPTIONS;

/** Options every chart command takes (network and TLS settings for URL repos; no --trace). */
export const CHART_NETWORK_OPTIONS = chartNetworkOptions;

/** Printed to stderr whenever TLS verification is off for an https request. */
export const INSECURE_WARNING = 'chartdesk: warning: TLS certificate verification is off (--insecure); the server’s identity is not checked.\n';

/** Usage lines for NETWORK_OPTIONS. */
export const NETWORK_USAGE = [
  '  --dialect D           Token request dialect: auto (default), A, B or C',
  '  --ca-file FILE        Trust this CA certificate (PEM) for https',
  '  --insecure            Skip TLS certificate verification (testing only)',
  '  --approve-realm URL   Allow the secret to go to this token-server origin (default: same host only)',
  '  --plain-http          OCI registries: plain HTTP, like helm --plain-http (default for localhost only)',
  '  --trace               Write the redacted request trace to stderr',
  '',
  'Credentials come from the environment only: CHARTDESK_SECRET (API key for dialect A, password',
  'otherwise; for a registry without CHARTDESK_USERNAME, a bearer token) and CHARTDESK_USERNAME.',
];

/** Parses argv with node:util parseArgs, turning its errors into usage errors. */
export function parseCommandArgs<const T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : 'invalid arguments';
    // node:util's wording for a typo is long and unbalanced; name the option and the one meant.
    const unknown = /^Unknown option '([^']*)'/.exec(message);
    throw new UsageError(unknown ? unknownOptionMessage(unknown[1] ?? '', Object.keys(options)) : message);
  }
}

/** Checks a URL argument: absolute http(s). */
export function httpUrlArg(value: string | undefined, what: string): URL {
  if (!value) throw new UsageError(`missing ${what}`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${what} is not valid: ${redactUrl(value.slice(0, 200))} (give an absolute http:// or https:// URL)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${what} must start with http:// or https://`);
  if (url.username || url.password) throw new UsageError(`${what} must not hold credentials; use CHARTDESK_USERNAME and CHARTDESK_SECRET`);
  return url;
}

/** Values of NETWORK_OPTIONS after parsing. */
export interface NetworkFlags {
  dialect?: string | undefined;
  'ca-file'?: string | undefined;
  insecure?: boolean | undefined;
  'approve-realm'?: string | undefined;
  'plain-http'?: boolean | undefined;
}

/** The dialect flag as a repo setting. */
function dialectOf(flags: NetworkFlags): 'auto' | 'A' | 'B' | 'C' {
  const dialect = (flags.dialect ?? 'auto').toUpperCase();
  if (!['AUTO', 'A', 'B', 'C'].includes(dialect)) throw new UsageError(`--dialect must be auto, A, B or C`);
  return dialect === 'AUTO' ? 'auto' : (dialect as 'A' | 'B' | 'C');
}

/** A one-off OCI repo: user name and password when both are set, a bearer token when only CHARTDESK_SECRET is, else anonymous. */
export function oneOffOciRepo(location: string, env: NodeJS.ProcessEnv, flags: NetworkFlags, charts: string[] = []): { repo: Omit<FlowRepo, 'id'> & { kind: 'oci'; charts: string[] }; credentials: () => Promise<FlowCredentials> } {
  const secret = env.CHARTDESK_SECRET || undefined;
  const username = env.CHARTDESK_USERNAME || undefined;
  const mode = secret && username ? 'basic' : secret ? 'bearer' : 'none';
  const repo = {
    kind: 'oci' as const,
    url: location,
    charts,
    auth: { mode, dialect: dialectOf(flags), ...(username ? { username } : {}) } as FlowRepo['auth'],
    tls: { insecureSkipVerify: flags.insecure === true, ...(flags['ca-file'] ? { caFile: flags['ca-file'] } : {}), ...(flags['plain-http'] !== undefined ? { plainHttp: flags['plain-http'] } : {}) },
    passCredentialsAll: false,
  };
  if (flags['approve-realm']) repo.auth.approvedRealmOrigin = httpUrlArg(flags['approve-realm'], '--approve-realm').origin;
  const credentials: FlowCredentials = { ...(secret ? { secret } : {}), ...(username ? { username } : {}) };
  return { repo, credentials: async () => credentials };
}

/** Builds the repo: token-server mode when CHARTDESK_SECRET is set (Basic if the server asks for it), else none. */
export function oneOffRepo(repoUrl: URL, env: NodeJS.ProcessEnv, flags: NetworkFlags): { repo: FlowRepo; credentials: () => Promise<FlowCredentials> } {
  const secret = env.CHARTDESK_SECRET || undefined;
  const username = env.CHARTDESK_USERNAME || undefined;
  const repo: FlowRepo = {
    url: repoUrl.toString(),
    auth: { mode: secret || username ? 'token-server' : 'none', dialect: dialectOf(flags) },
    tls: { insecureSkipVerify: flags.insecure === true, ...(flags['ca-file'] ? { caFile: flags['ca-file'] } : {}) },
    passCredentialsAll: false,
  };
  if (flags['approve-realm']) repo.auth.approvedRealmOrigin = httpUrlArg(flags['approve-realm'], '--approve-realm').origin;
  if (username) repo.auth.username = username;
  const credentials: FlowCredentials = {};
  if (secret) credentials.secret = secret;
  if (username) credentials.username = username;
  return { repo, credentials: async () => credentials };
}
