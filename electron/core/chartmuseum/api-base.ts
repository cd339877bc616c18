/** Where a ChartMuseum repo's API lives, derived from the repo URL as helm-push (cm-push) derives it. */
import { ChartDeskError } from '../errors';

/** Normalizes index serverInfo.contextPath: "/cm", "cm/", "" → "/cm", "/cm", "". */
export function normalizeContextPath(contextPath: string | undefined): string {
  if (!contextPath) return '';
  const trimmed = contextPath.trim().replace(/\/+$/, '');
  if (trimmed === '' || trimmed === '/') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

function joinPath(...segments: string[]): string {
  const parts = segments.flatMap((s) => s.split('/')).filter((s) => s !== '');
  return `/${parts.join('/')}`;
}

/**
 * The charts API URL of a repo: contextPath + "/api" + (repo path without contextPath) + "/charts".
 * Depth 0 http://h → http://h/api/charts; depth 2 http://h/org1/repo1 → http://h/api/org1/repo1/charts.
 */
export function chartMuseumChartsUrl(repoUrl: string, contextPath?: string): string {
  let url: URL;
  try {
    url = new URL(repoUrl);
  } catch {
    throw new ChartDeskError('bad-request', 'chartmuseum', 'The repo URL is not a valid URL.');
  }
  const context = normalizeContextPath(contextPath);
  const repoPath = url.pathname.replace(/\/+$/, '');
  const tenant = context !== '' && (repoPath === context || repoPath.startsWith(`${context}/`)) ? repoPath.slice(context.length) : repoPath;
  url.pathname = joinPath(context, 'api', tenant, 'charts');
  url.search = '';
  url.hash = '';
  return url.toString();
}

/** The URL of one chart version under the charts API URL. */
export function chartVersionUrl(chartsUrl: string, name: string, version: string): string {
  return `${chartsUrl.replace(/\/+$/, '')}/${encodeURIComponent(name)}/${encodeURIComponent(version)}`;
}
