/** Chart icons as data: URLs (the renderer's CSP forbids remote images): fetched by the core, capped, cached. */
import type { FlowClient, FlowCredentials, FlowRepo } from '../auth/types';
import { ChartDeskError } from '../errors';
import { repoCredentialsAllowed } from '../auth/origins';
import { resolveAgainstRepo } from './chart-url';
import { isAllowedImageDataUrl, sniffImageType } from './image-sniff';
import { anonymousRepo } from './package-fetch';
import { rememberRecent } from './recent-map';

/** An icon, or why there is none. */
export type IconResult = { dataUrl: string } | { dataUrl: null; reason: string };

/** Which icon to get. */
export interface IconRequest {
  repo: FlowRepo;
  credentials: () => Promise<FlowCredentials>;
  /** The icon field of the index (absolute, relative or data: URL). */
  icon: string | undefined;
}

/** Gets icons. */
export interface IconFetcher {
  get(request: IconRequest): Promise<IconResult>;
}

/** What the fetcher needs. */
export interface IconFetcherDeps {
  flow: FlowClient;
  now: () => number;
  /** Largest icon, bytes (default 512 KB). */
  maxBytes?: number;
  /** How long a failure is remembered before trying again (default 10 minutes). */
  retryAfterMs?: number;
  /** Most icons kept in memory (default 1000). */
  maxEntries?: number;
  /** Whether icons on another host than the repo are loaded (Settings); read on every request; default yes. */
  otherHosts?: () => boolean;
}

const MAX_PARALLEL = 4;

/** Creates the icon fetcher: at most four downloads at a time, results cached by URL. */
export function createIconFetcher(deps: IconFetcherDeps): IconFetcher {
  const maxBytes = deps.maxBytes ?? 512 * 1024;
  const cache = new Map<string, { result: IconResult; at: number }>();
  const inFlight = new Map<string, Promise<IconResult>>();
  let running = 0;
  const queue: Array<() => void> = [];
  const slot = async () => {
    if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => queue.push(resolve));
    running += 1;
  };
  const release = () => {
    running -= 1;
    queue.shift()?.();
  };

  const download = async (request: IconRequest, url: string): Promise<IconResult> => {
    await slot();
    try {
      const allowed = repoCredentialsAllowed(request.repo, url);
      const response = await deps.flow.request({
        repo: allowed ? request.repo : anonymousRepo(request.repo),
        credentials: allowed ? request.credentials : async () => ({}),
        url,
        headers: { accept: 'image/*' },
        maxBytes,
      });
      if (response.status !== 200) return { dataUrl: null, reason: `The icon server answered ${response.status}.` };
      const type = sniffImageType(response.body, response.headers['content-type']);
      if (!type) return { dataUrl: null, reason: 'The icon is not an image ChartDesk can show.' };
      return { dataUrl: `data:${type};base64,${response.body.toString('base64')}` };
    } catch (error) {
      if (error instanceof ChartDeskError && error.kind === 'too-large') return { dataUrl: null, reason: `The icon is larger than ${Math.round(maxBytes / 1024)} KB.` };
      return { dataUrl: null, reason: error instanceof ChartDeskError ? error.message : 'The icon could not be fetched.' };
    } finally {
      release();
    }
  };

  const remember = (key: string, result: IconResult) => rememberRecent(cache, key, { result, at: deps.now() }, deps.maxEntries ?? 1000);

  return {
    async get(request) {
      const icon = request.icon?.trim();
      if (!icon) return { dataUrl: null, reason: 'The chart has no icon.' };
      if (icon.startsWith('data:')) {
        return isAllowedImageDataUrl(icon) && icon.length <= (maxBytes * 4) / 3 + 100 ? { dataUrl: icon } : { dataUrl: null, reason: 'The icon is not an image ChartDesk can show.' };
      }
      let url: string;
      try {
        url = resolveAgainstRepo(request.repo.url, icon);
      } catch {
        return { dataUrl: null, reason: 'The icon URL is not a valid http or https URL.' };
      }
      if (deps.otherHosts && !deps.otherHosts() && new URL(url).origin !== new URL(request.repo.url).origin) {
        return { dataUrl: null, reason: 'Icons from other hosts are turned off in Settings.' };
      }
      // An icon fetched with a repo's credentials is cached for that repo only.
      const key = repoCredentialsAllowed(request.repo, url) ? `${request.repo.url}\n${url}` : url;
      const hit = cache.get(key);
      if (hit && (hit.result.dataUrl !== null || deps.now() - hit.at < (deps.retryAfterMs ?? 600_000))) return hit.result;
      const pending = inFlight.get(key);
      if (pending) return pending;
      const promise = download(request, url).then((result) => {
        remember(key, result);
        inFlight.delete(key);
        return result;
      });
      inFlight.set(key, promise);
      return promise;
    },
  };
}
