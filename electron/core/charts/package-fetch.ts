/** Downloads chart packages through the flow engine, verifies them against the index and caches them. */
import type { FlowClient, FlowCredentials, FlowRepo } from '../auth/flow';
import type { ArchiveLimits } from './archive-limits';
import { repoCredentialsAllowed } from '../auth/origins';
import { normalizeDigest, sha256Hex, verifyDigest } from './digest';
import { httpFailure } from './http-failure';
import type { PackageCache } from './package-cache';
import { packageBytes } from './package-bytes';
import { IDENTITY_ONLY } from '../http/content-encoding';

/** Which package to get and how to reach it. */
export interface PackageRequest {
  repo: FlowRepo;
  credentials: () => Promise<FlowCredentials>;
  /** Absolute URL of the .tgz (resolve index URLs with resolveAgainstRepo first). */
  url: string;
  /** The index's digest for it, when the index has one. */
  digest?: string;
  /** How to name the package in messages, e.g. "mychart 0.1.0". */
  label: string;
  signal?: AbortSignal;
}

/** A package in memory, with how it was checked. */
export interface FetchedPackage {
  bytes: Buffer;
  /** sha256 hex of the bytes. */
  digest: string;
  /** True when the bytes matched the index digest. */
  verified: boolean;
  fromCache: boolean;
}

/** Gets packages. */
export interface PackageFetcher {
  fetch(request: PackageRequest): Promise<FetchedPackage>;
}

/** What the fetcher needs. */
export interface PackageFetcherDeps {
  flow: FlowClient;
  cache: PackageCache;
  limits: ArchiveLimits;
}

/** A copy of the repo that carries no credentials, for hosts the repo's secret must not reach. */
export function anonymousRepo(repo: FlowRepo): FlowRepo {
  return { ...repo, auth: { ...repo.auth, mode: 'none' } };
}

/** Creates the fetcher: cache by digest first, else download (credentials only where allowed) and verify. */
export function createPackageFetcher(deps: PackageFetcherDeps): PackageFetcher {
  return {
    async fetch(request) {
      const expected = normalizeDigest(request.digest);
      if (expected !== undefined) {
        const cached = await deps.cache.get(expected);
        if (cached) return { bytes: cached, digest: expected, verified: true, fromCache: true };
      }
      const allowed = repoCredentialsAllowed(request.repo, request.url);
      const response = await deps.flow.request({
        repo: allowed ? request.repo : anonymousRepo(request.repo),
        credentials: allowed ? request.credentials : async () => ({}),
        url: request.url,
        // The package is a gzip file: ask for it as stored, and keep the bytes as sent in case a server labels it gzip-encoded anyway.
        headers: { accept: 'application/gzip, application/x-tar, application/octet-stream, */*', 'accept-encoding': IDENTITY_ONLY },
        keepEncoded: true,
        maxBytes: deps.limits.maxCompressedBytes,
        ...(request.signal ? { signal: request.signal } : {}),
      });
      if (response.status < 200 || response.status > 299) throw httpFailure('download', `downloading ${request.label}`, response.status);
      const bytes = packageBytes(response, expected);
      if (expected === undefined) return { bytes, digest: sha256Hex(bytes), verified: false, fromCache: false };
      verifyDigest(bytes, expected, `The package ${request.label}`);
      await deps.cache.put(bytes);
      return { bytes, digest: expected, verified: true, fromCache: false };
    },
  };
}
