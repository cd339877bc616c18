/** Repo URL rules: what a user may type, how it is stored, and which repo a request URL falls under. */
import { ChartDeskError } from '../errors';
import { formatOciLocation, looksLikeOciLocation, parseOciLocation } from '../oci/oci-location';

/** A stored repo location: what kind of repo it is and its normalized URL. */
export interface RepoLocation {
  kind: 'http' | 'oci';
  url: string;
}

/**
 * What the user typed, as a stored location: `oci://…` and bare registry references such as
 * `ghcr.io/org/charts` are OCI namespaces; everything else is an HTTP chart repo (normalizeRepoUrl).
 */
export function normalizeRepoLocation(input: string, cmUsesHttp = false): RepoLocation {
  if (looksLikeOciLocation(input)) return { kind: 'oci', url: formatOciLocation(parseOciLocation(input)) };
  return { kind: 'http', url: normalizeRepoUrl(input, cmUsesHttp) };
}

/**
 * Turns what the user typed into the stored form: http(s) only (a helm-push `cm://` URL becomes
 * https://, or http:// when `cmUsesHttp`, as HELM_REPO_USE_HTTP does), no user info, no fragment, no trailing slash,
 * and a pasted `…/index.yaml` address (with no query) cut back to the folder that holds it.
 */
export function normalizeRepoUrl(input: string, cmUsesHttp = false): string {
  const typed = input.trim().replace(/^cm:\/\//i, cmUsesHttp ? 'http://' : 'https://');
  let url: URL;
  try {
    url = new URL(typed);
  } catch {
    throw new ChartDeskError('bad-request', 'repo-url', 'The repo URL is not a valid URL.', { hint: 'Write it like https://charts.example.com/org/repo.' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ChartDeskError('bad-request', 'repo-url', `Repo URLs must start with http:// or https:// (or cm://, or oci:// for a registry), not ${url.protocol}//.`);
  }
  if (url.username || url.password) {
    throw new ChartDeskError('bad-request', 'repo-url', 'The repo URL must not contain a user name or password.', { hint: 'Give the user name as the repo’s user and the password as its secret; secrets go to the keychain.' });
  }
  url.hash = '';
  if (!url.search) url.pathname = url.pathname.replace(/\/index\.yaml$/i, '');
  const text = url.toString().replace(/\/+$/, '');
  if (text.length > 2048) throw new ChartDeskError('bad-request', 'repo-url', 'The repo URL is longer than 2048 characters.');
  return text;
}

/** Scheme, host and port: the origin for http(s), the registry for oci (whose URL origin is opaque). */
function placeOf(url: URL): string {
  return `${url.protocol}//${url.host.toLowerCase()}`;
}

/** True when `requestUrl` is the repo URL itself or lies below it (same scheme and host, path segment boundary). */
export function isUnderRepo(requestUrl: string, repoUrl: string): boolean {
  let request: URL;
  let base: URL;
  try {
    request = new URL(requestUrl);
    base = new URL(repoUrl);
  } catch {
    return false;
  }
  if (placeOf(request) !== placeOf(base)) return false;
  const basePath = base.pathname.replace(/\/+$/, '');
  return request.pathname === basePath || request.pathname.startsWith(`${basePath}/`);
}

/** Picks the repo whose URL is the longest prefix of `requestUrl`, if any. */
export function repoForUrl<R extends { url: string }>(repos: readonly R[], requestUrl: string): R | undefined {
  let best: R | undefined;
  for (const repo of repos) {
    if (isUnderRepo(requestUrl, repo.url) && (!best || repo.url.length > best.url.length)) best = repo;
  }
  return best;
}
