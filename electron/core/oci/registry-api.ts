/**
 * The distribution-spec HTTP API of one registry, through the flow engine (so every call gets the
 * registry's challenge, token and retry): catalog and tag pages, manifests and blobs with their
 * digests verified, uploads, manifest puts and deletes. Sizes are capped before bytes are kept.
 */
import type { FlowClient, FlowCredentials, FlowRepo, FlowResponse, FlowScope } from '../auth/types';
import type { ResourceScope } from '../auth/scope';
import { sha256Hex } from '../charts/digest';
import { ChartDeskError } from '../errors';
import { nextPageUrl } from './link-next';
import { MANIFEST_ACCEPT } from './media-types';
import { isHtml, registryFailure } from './registry-errors';

/** How to reach a registry with a repo's credentials. */
export interface RegistryAccess {
  /** The flow engine's view of the repo: the registry's base URL and its auth rules. */
  flowRepo: FlowRepo;
  credentials: () => Promise<FlowCredentials>;
  /** Answer a Basic challenge (htpasswd registries) instead of expecting a token server. */
  followChallengeScheme: boolean;
}

/** A manifest as fetched: its bytes, their digest (checked) and the media type the registry gave. */
export interface FetchedManifest {
  bytes: Buffer;
  /** `sha256:<hex>` of the bytes. */
  digest: string;
  contentType: string;
}

/** Limits that keep hostile registries in bounded time and memory. */
export interface RegistryLimits {
  /** Largest manifest, bytes (default 4 MiB, the spec's recommendation). */
  maxManifestBytes: number;
  /** Largest catalog or tags page, bytes (default 16 MiB). */
  maxPageBytes: number;
  /** Most pages followed for one listing (default 1,000). */
  maxPages: number;
  /** Most names one listing may return (default 100,000). */
  maxNames: number;
  /** Names asked for per page (`n`; default 1,000). */
  pageSize: number;
}

/** The limits used unless a caller gives others. */
export const DEFAULT_REGISTRY_LIMITS: RegistryLimits = { maxManifestBytes: 4 * 1024 * 1024, maxPageBytes: 16 * 1024 * 1024, maxPages: 1000, maxNames: 100_000, pageSize: 1000 };

/** The scope a request on one repository needs. */
export function repositoryScope(name: string, operation: FlowScope): ResourceScope[] {
  return [{ type: 'repository', name, actions: operation === 'push' ? ['pull', 'push'] : ['pull'] }];
}

/** The scope of the catalog. */
export const CATALOG_SCOPE: ResourceScope[] = [{ type: 'registry', name: 'catalog', actions: ['*'] }];

/** One registry's API. */
export interface RegistryApi {
  readonly base: string;
  /** GET /v2/ through the flow (the registry's own challenge); the raw response. */
  ping(): Promise<FlowResponse>;
  /** Every repository name the catalog lists (all pages); throws with the HTTP status when the catalog is refused. */
  catalog(): Promise<string[]>;
  /** Every tag of a repository (all pages). */
  tags(name: string): Promise<string[]>;
  /** A manifest by tag or digest, its digest verified (against the digest asked for, else Docker-Content-Digest). */
  manifest(name: string, reference: string, operation?: FlowScope): Promise<FetchedManifest>;
  /** The digest a tag points to, or undefined when the tag does not exist. */
  resolve(name: string, reference: string, operation?: FlowScope): Promise<string | undefined>;
  /** A blob by digest, at most `size` bytes (its descriptor's), verified. */
  blob(name: string, digest: string, size: number, maxBytes: number): Promise<Buffer>;
  /** True when the repository already holds the blob. */
  hasBlob(name: string, digest: string): Promise<boolean>;
  /** Uploads a blob (monolithic, or in chunks above `chunkBytes`); returns its digest. */
  upload(name: string, bytes: Buffer, chunkBytes: number): Promise<string>;
  /** Puts a manifest under a tag; returns the digest the registry stored it under. */
  putManifest(name: string, tag: string, bytes: Buffer, mediaType: string): Promise<string>;
  /** Deletes a manifest by digest. */
  deleteManifest(name: string, digest: string): Promise<void>;
  /** Asks the registry's token server for pull tokens covering these repositories in few requests; false when its token server is not known yet. */
  prefetchTokens(names: readonly string[]): Promise<boolean>;
}

function digestOf(bytes: Buffer): string {
  return `sha256:${sha256Hex(bytes)}`;
}

function mismatch(what: string, expected: string, actual: string): ChartDeskError {
  return new ChartDeskError('digest-mismatch', 'verify', `${what} does not match its digest: expected ${expected.slice(0, 19)}…, got ${actual.slice(0, 19)}….`, {
    hint: 'The registry sent other bytes than it named, or something altered them on the way. Nothing was kept.',
  });
}

/** Creates the API for one registry. */
export function createRegistryApi(flow: FlowClient, access: RegistryAccess, limits: RegistryLimits = DEFAULT_REGISTRY_LIMITS): RegistryApi {
  const base = access.flowRepo.url.replace(/\/+$/, '');
  const send = (request: { url: string; method?: string; headers?: Record<string, string>; body?: Uint8Array; scope?: FlowScope; scopeHint: ResourceScope[]; maxBytes: number }) =>
    flow.request({ repo: access.flowRepo, credentials: access.credentials, followChallengeScheme: access.followChallengeScheme, ...request });
  const path = (name: string, rest: string) => `${base}/v2/${name}/${rest}`;

  const pages = async (first: string, field: 'repositories' | 'tags', scopeHint: ResourceScope[], what: string): Promise<string[]> => {
    const names: string[] = [];
    const seen = new Set<string>();
    let url: string | undefined = first;
    for (let page = 0; url; page++) {
      if (page >= limits.maxPages || seen.has(url)) {
        throw new ChartDeskError('http', 'paginate', `The registry’s pages never end while ${what} (${seen.has(url) ? 'a page links back to an earlier one' : `more than ${limits.maxPages} pages`}).`);
      }
      seen.add(url);
      const res = await send({ url, headers: { accept: 'application/json' }, scopeHint, maxBytes: limits.maxPageBytes });
      if (res.status !== 200) throw registryFailure('list', what, res);
      let list: unknown;
      try {
        list = (JSON.parse(res.body.toString('utf8')) as Record<string, unknown>)[field];
      } catch {
        throw isHtml(res) ? registryFailure('list', what, res) : new ChartDeskError('http', 'list', `The registry answered something that is not JSON while ${what}.`);
      }
      if (list !== null && list !== undefined && !Array.isArray(list)) throw new ChartDeskError('http', 'list', `The registry answered in an unexpected shape while ${what}.`);
      for (const name of (list as unknown[] | null) ?? []) if (typeof name === 'string') names.push(name);
      if (names.length > limits.maxNames) throw new ChartDeskError('too-large', 'list', `The registry lists more than ${limits.maxNames.toLocaleString('en-US')} names while ${what}; ChartDesk stops there.`);
      url = nextPageUrl(res.headers.link, url);
    }
    return names;
  };

  const fetchManifest = async (name: string, reference: string, method: 'GET' | 'HEAD', operation: FlowScope) =>
    send({ url: path(name, `manifests/${reference}`), method, headers: { accept: MANIFEST_ACCEPT }, scope: operation, scopeHint: repositoryScope(name, operation), maxBytes: limits.maxManifestBytes });

  return {
    base,
    ping: () => send({ url: `${base}/v2/`, headers: { accept: 'application/json' }, scopeHint: [], maxBytes: 64 * 1024 }),
    catalog: () => pages(`${base}/v2/_catalog?n=${limits.pageSize}`, 'repositories', CATALOG_SCOPE, 'reading the registry’s catalog'),
    tags: (name) => pages(path(name, `tags/list?n=${limits.pageSize}`), 'tags', repositoryScope(name, 'pull'), `reading the tags of ${name}`),
    async manifest(name, reference, operation = 'pull') {
      const res = await fetchManifest(name, reference, 'GET', operation);
      if (res.status !== 200) throw registryFailure('manifest', `reading the manifest of ${name}:${reference}`, res);
      const actual = digestOf(res.body);
      const claimed = reference.startsWith('sha256:') ? reference : res.headers['docker-content-digest'];
      if (claimed && claimed.startsWith('sha256:') && claimed !== actual) throw mismatch(`The manifest of ${name}:${reference.slice(0, 80)}`, claimed, actual);
      return { bytes: res.body, digest: actual, contentType: (res.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '' };
    },
    async resolve(name, reference, operation = 'pull') {
      const head = await fetchManifest(name, reference, 'HEAD', operation);
      if (head.status === 404) return undefined;
      const digest = head.headers['docker-content-digest'];
      if (head.status === 200 && digest && /^sha256:[a-f0-9]{64}$/.test(digest)) return digest;
      // No digest header (or HEAD unsupported): fetch the manifest and hash it.
      const res = await fetchManifest(name, reference, 'GET', operation);
      if (res.status === 404) return undefined;
      if (res.status !== 200) throw registryFailure('manifest', `reading the manifest of ${name}:${reference}`, res);
      return digestOf(res.body);
    },
    async blob(name, digest, size, maxBytes) {
      if (size > maxBytes) throw new ChartDeskError('too-large', 'blob', `${name} declares a ${Math.round(size / (1024 * 1024))} MiB blob, more than the ${Math.round(maxBytes / (1024 * 1024))} MiB ChartDesk reads.`);
      // A challenge or error body may be larger than a tiny blob: the cap leaves room for it, the size is checked after.
      const res = await send({ url: path(name, `blobs/${digest}`), headers: { accept: '*/*' }, scopeHint: repositoryScope(name, 'pull'), maxBytes: Math.max(size, 64 * 1024) });
      if (res.status !== 200) throw registryFailure('blob', `downloading ${digest.slice(0, 19)}… of ${name}`, res);
      if (res.body.length !== size) {
        throw new ChartDeskError('digest-mismatch', 'verify', `A blob of ${name} is ${res.body.length} bytes, but its manifest says ${size}; nothing was kept.`, { hint: 'The registry sent other bytes than it named.' });
      }
      const actual = digestOf(res.body);
      if (actual !== digest) throw mismatch(`A blob of ${name}`, digest, actual);
      return res.body;
    },
    async hasBlob(name, digest) {
      const res = await send({ url: path(name, `blobs/${digest}`), method: 'HEAD', scope: 'push', scopeHint: repositoryScope(name, 'push'), maxBytes: 1024 });
      return res.status === 200;
    },
    async upload(name, bytes, chunkBytes) {
      const digest = digestOf(bytes);
      const pushHint = repositoryScope(name, 'push');
      const start = await send({ url: path(name, 'blobs/uploads/'), method: 'POST', headers: { 'content-length': '0' }, scope: 'push', scopeHint: pushHint, maxBytes: 64 * 1024 });
      if (start.status !== 202) throw registryFailure('upload', `starting an upload to ${name}`, start);
      let location = uploadLocation(start, base);
      if (bytes.length > chunkBytes) {
        for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
          const chunk = bytes.subarray(offset, Math.min(bytes.length, offset + chunkBytes));
          const res = await send({
            url: location,
            method: 'PATCH',
            headers: { 'content-type': 'application/octet-stream', 'content-range': `${offset}-${offset + chunk.length - 1}`, 'content-length': String(chunk.length) },
            body: chunk,
            scope: 'push',
            scopeHint: pushHint,
            maxBytes: 64 * 1024,
          });
          if (res.status !== 202) throw registryFailure('upload', `uploading a chunk to ${name}`, res);
          location = uploadLocation(res, base);
        }
      }
      const finish = withQuery(location, 'digest', digest);
      const body = bytes.length > chunkBytes ? new Uint8Array(0) : bytes;
      const done = await send({ url: finish, method: 'PUT', headers: { 'content-type': 'application/octet-stream', 'content-length': String(body.length) }, body, scope: 'push', scopeHint: pushHint, maxBytes: 64 * 1024 });
      if (done.status !== 201) throw registryFailure('upload', `finishing an upload to ${name}`, done);
      return digest;
    },
    async putManifest(name, tag, bytes, mediaType) {
      const res = await send({ url: path(name, `manifests/${tag}`), method: 'PUT', headers: { 'content-type': mediaType }, body: bytes, scope: 'push', scopeHint: repositoryScope(name, 'push'), maxBytes: 64 * 1024 });
      if (res.status !== 201 && res.status !== 200) throw registryFailure('push', `storing the manifest of ${name}:${tag}`, res);
      return res.headers['docker-content-digest'] ?? digestOf(bytes);
    },
    prefetchTokens: (names) => flow.prefetchTokens({ repo: access.flowRepo, credentials: access.credentials, scopes: names.map((n) => repositoryScope(n, 'pull')) }),
    async deleteManifest(name, digest) {
      const res = await send({ url: path(name, `manifests/${digest}`), method: 'DELETE', headers: { accept: 'application/json' }, scope: 'push', scopeHint: repositoryScope(name, 'push'), maxBytes: 64 * 1024 });
      if (res.status === 202 || res.status === 200 || res.status === 204) return;
      const failure = registryFailure('delete', `deleting ${name}@${digest.slice(0, 19)}…`, res);
      if (res.status === 405 || /UNSUPPORTED/.test(failure.message)) {
        throw new ChartDeskError('http', 'delete', `This registry has deletes disabled (HTTP ${res.status}), so ${name} stays as it is.`, {
          hint: 'Ask the registry’s administrator to enable deletes (Distribution: storage.delete.enabled), or delete it in the registry’s own UI.',
        });
      }
      throw failure;
    },
  };
}

/** The upload session's URL from a Location header (relative or absolute), kept on the registry's host. */
function uploadLocation(res: FlowResponse, base: string): string {
  const location = res.headers.location;
  if (!location) throw new ChartDeskError('http', 'upload', 'The registry started an upload without saying where to send it (no Location header).');
  const url = new URL(location, `${base}/`);
  const registry = new URL(base);
  if (url.host !== registry.host || url.protocol !== registry.protocol) {
    throw new ChartDeskError('http', 'upload', `The registry sent the upload to another host (${url.host.slice(0, 100)}); ChartDesk does not send the chart or its credentials there.`);
  }
  return url.toString();
}

function withQuery(url: string, key: string, value: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set(key, value);
  return parsed.toString();
}
