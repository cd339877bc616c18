/** Reads Helm's repositories.yaml: name, url, username, password, TLS files and flags per entry. */
import { parse } from 'yaml';
import { ChartDeskError } from '../errors';

/** One entry as Helm writes it (empty strings stand for "not set"). */
export interface HelmRepoEntry {
  name: string;
  url: string;
  username: string;
  password: string;
  caFile: string;
  certFile: string;
  keyFile: string;
  insecureSkipTlsVerify: boolean;
  passCredentialsAll: boolean;
}

/** The largest repositories.yaml read, bytes. */
export const MAX_REPOSITORIES_FILE_BYTES = 4 * 1024 * 1024;

const text = (value: unknown): string => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');
const flag = (value: unknown): boolean => value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');

/** Parses the file's text; throws a 'bad-request' error a user understands when it is not a Helm repositories file. */
export function parseHelmRepositories(source: string, file: string): HelmRepoEntry[] {
  let doc: unknown;
  try {
    doc = parse(source, { maxAliasCount: 100, prettyErrors: false });
  } catch {
    throw new ChartDeskError('bad-request', 'helm-import', `${file} is not valid YAML.`, { hint: 'Check the file with `helm repo list`.' });
  }
  if (doc === null || doc === undefined) return [];
  const list = typeof doc === 'object' ? (doc as { repositories?: unknown }).repositories : undefined;
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw new ChartDeskError('bad-request', 'helm-import', `${file} is not a Helm repositories file (its “repositories” is not a list).`);
  return list.map((item: unknown) => {
    const e = item && typeof item === 'object' ? (item as Record<string, unknown>) : {};
    return {
      name: text(e.name),
      url: text(e.url),
      username: text(e.username),
      password: typeof e.password === 'string' ? e.password : text(e.password),
      caFile: text(e.caFile),
      certFile: text(e.certFile),
      keyFile: text(e.keyFile),
      insecureSkipTlsVerify: flag(e.insecure_skip_tls_verify),
      passCredentialsAll: flag(e.pass_credentials_all),
    };
  });
}
