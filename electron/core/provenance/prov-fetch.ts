/** Fetches `<package url>.prov` through the flow engine, with the package download's credential rules. */
import type { FlowClient, FlowCredentials, FlowRepo } from '../auth/types';
import { repoCredentialsAllowed } from '../auth/origins';
import { httpFailure } from '../charts/http-failure';
import { anonymousRepo } from '../charts/package-fetch';
import { ChartDeskError } from '../errors';
import { MAX_PROV_BYTES } from './limits';

/** What the repo had at the provenance address. */
export type FetchedProvenance = { found: true; bytes: Buffer; url: string } | { found: false; reason: 'missing' | 'too-large'; url: string };

/**
 * The provenance URL of a package URL: `.prov` appended to its path (Helm appends it to the whole
 * URL string; for a URL with a query that would land in the query, so the path is used instead).
 */
export function provenanceUrl(packageUrl: string): string {
  const url = new URL(packageUrl);
  url.pathname = `${url.pathname}.prov`;
  return url.toString();
}

/** The package's file name from its URL, as Helm's downloader takes it (the last path segment). */
export function packageFileName(packageUrl: string): string {
  const last = new URL(packageUrl).pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** Gets the .prov: 404/410 mean none is published; a file past MAX_PROV_BYTES is not read. Other failures throw. */
export async function fetchProvenance(flow: FlowClient, request: { repo: FlowRepo; credentials: () => Promise<FlowCredentials>; packageUrl: string; label: string; signal?: AbortSignal }): Promise<FetchedProvenance> {
  const url = provenanceUrl(request.packageUrl);
  const allowed = repoCredentialsAllowed(request.repo, url);
  let response;
  try {
    response = await flow.request({
      repo: allowed ? request.repo : anonymousRepo(request.repo),
      credentials: allowed ? request.credentials : async () => ({}),
      url,
      headers: { accept: 'application/pgp-signature, text/plain, application/octet-stream, */*' },
      maxBytes: MAX_PROV_BYTES,
      ...(request.signal ? { signal: request.signal } : {}),
    });
  } catch (error) {
    if (error instanceof ChartDeskError && error.kind === 'too-large') return { found: false, reason: 'too-large', url };
    throw error;
  }
  if (response.status === 404 || response.status === 410) return { found: false, reason: 'missing', url };
  if (response.status < 200 || response.status > 299) throw httpFailure('provenance', `downloading the provenance of ${request.label}`, response.status);
  return { found: true, bytes: response.body, url };
}
