/** Repo URL rules: what a user may type, how it is stored, and which repo a request URL falls under. */
import { ChartDeskError } from '../errors';

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
    throw new ChartDeskError('bad-request', 'repo-url', `Repo URLs must start with http:// or https:// (or cm://), not ${url.protocol}//.`);
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

/** True when `requestUrl` is the repo URL itself or lies below it (same origin, path segment boundary). */
export function isUnderRepo(requestUrl: string, repoUrl: string): boolean {
  let request: URL;
  let base: URL;
  try {
    request = new URL(requestUrl);
    base = new URL(repoUrl);
  } catch {
    return false;
  }
  if (request.origin !== base.origin) return false;
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
