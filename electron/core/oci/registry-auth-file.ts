/** Reads one Docker-format registry auth file (Docker's config.json, Helm's registry config.json, Podman's auth.json). */
import { readFile, stat } from 'node:fs/promises';
import { ChartDeskError } from '../errors';
import { isRecord } from '../index/normalize-fields';

/** A login the file names for one server. */
export interface AuthEntry {
  /** The key as written ("ghcr.io", "https://index.docker.io/v1/", "quay.io/org"). */
  server: string;
  username?: string;
  password?: string;
  identityToken?: string;
  /** The helper that holds this server's secret (credHelpers, else credsStore). */
  helper?: string;
  /** Why the entry's own data is unusable. */
  problem?: string;
}

/** What the file says. */
export interface AuthFileContent {
  entries: AuthEntry[];
  /** The default helper (credsStore), for servers listed by the helper itself. */
  credsStore?: string;
}

const MAX_AUTH_FILE_BYTES = 4 * 1024 * 1024;

/** Reads the file; undefined when it does not exist, a ChartDeskError when it is not a usable auth file. */
export async function readAuthFile(file: string): Promise<AuthFileContent | undefined> {
  let text: string;
  try {
    if ((await stat(file)).size > MAX_AUTH_FILE_BYTES) throw new ChartDeskError('too-large', 'registry-auth', `${file} is larger than 4 MiB; it is not a registry auth file.`);
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof ChartDeskError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ChartDeskError('store', 'registry-auth', `${file} could not be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ChartDeskError('bad-request', 'registry-auth', `${file} is not JSON, so it is not a registry auth file.`);
  }
  if (!isRecord(json)) throw new ChartDeskError('bad-request', 'registry-auth', `${file} is not a JSON object.`);
  return parseAuthFile(json);
}

function decodeAuth(auth: string): { username: string; password: string } | undefined {
  const text = Buffer.from(auth, 'base64').toString('utf8');
  const colon = text.indexOf(':');
  if (!/^[A-Za-z0-9+/=\s]+$/.test(auth) || colon <= 0) return undefined;
  return { username: text.slice(0, colon), password: text.slice(colon + 1) };
}

/** Turns the parsed JSON into entries. */
export function parseAuthFile(json: Record<string, unknown>): AuthFileContent {
  const auths = isRecord(json.auths) ? json.auths : {};
  const helpers = isRecord(json.credHelpers) ? json.credHelpers : {};
  const credsStore = typeof json.credsStore === 'string' && json.credsStore ? json.credsStore : undefined;
  const entries: AuthEntry[] = [];
  for (const [server, raw] of Object.entries(auths)) {
    const entry: AuthEntry = { server };
    const value = isRecord(raw) ? raw : {};
    // Docker's order: a server's credHelper, else the credsStore, else what the file itself holds.
    const helper = typeof helpers[server] === 'string' ? (helpers[server] as string) : credsStore;
    if (helper) entry.helper = helper;
    else if (typeof value.identitytoken === 'string' && value.identitytoken) {
      entry.identityToken = value.identitytoken;
      if (typeof value.username === 'string') entry.username = value.username;
    } else if (typeof value.auth === 'string' && value.auth) {
      const decoded = decodeAuth(value.auth);
      if (decoded) Object.assign(entry, decoded);
      else entry.problem = 'Its "auth" value is not base64 of user:password.';
    } else if (typeof value.username === 'string' && typeof value.password === 'string') {
      entry.username = value.username;
      entry.password = value.password;
    } else entry.problem = 'It holds no credential and names no credential helper.';
    entries.push(entry);
  }
  for (const [server, helper] of Object.entries(helpers)) {
    if (typeof helper === 'string' && !(server in auths)) entries.push({ server, helper });
  }
  return { entries, ...(credsStore ? { credsStore } : {}) };
}
