/** Chart package URLs, resolved against the repo as Helm does (credentials follow auth/origins' rule). */
import { ChartDeskError } from '../errors';
import { redactUrl } from '../http/redact';

/** The URL of the repo's index.yaml (repo URL + "/index.yaml", query string kept). */
export function indexUrlOf(repoUrl: string): string {
  return resolveAgainstRepo(repoUrl, 'index.yaml');
}

/**
 * Resolves `ref` (absolute, or relative like "charts/x.tgz" or "../x.tgz") against the repo URL the
 * way Helm's ResolveReferenceURL does: the base gets a trailing slash and keeps its query string.
 */
export function resolveAgainstRepo(repoUrl: string, ref: string): string {
  let base: URL;
  try {
    base = new URL(repoUrl);
  } catch {
    throw new ChartDeskError('bad-request', 'resolve-url', 'The repo URL is not a valid URL.');
  }
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(ref)) return checkScheme(ref);
  if (!base.pathname.endsWith('/')) base.pathname = `${base.pathname}/`;
  const query = base.search;
  let resolved: URL;
  try {
    resolved = new URL(ref, base);
  } catch {
    throw new ChartDeskError('index-invalid', 'resolve-url', `The index gives a chart URL that is not valid: "${redactUrl(ref.slice(0, 200))}".`);
  }
  resolved.search = query;
  return checkScheme(resolved.toString());
}

function checkScheme(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ChartDeskError('index-invalid', 'resolve-url', `The index gives a chart URL that is not valid: "${redactUrl(url.slice(0, 200))}".`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ChartDeskError('index-invalid', 'resolve-url', `The index gives a chart URL with the unsupported scheme "${parsed.protocol}"; only http and https are fetched.`);
  }
  return parsed.toString();
}
