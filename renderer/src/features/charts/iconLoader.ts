/** Fetches chart icons through the core a few at a time and remembers them for the session. */
import { api } from '../../api/client';

const MAX_PARALLEL = 4;
const cache = new Map<string, Promise<string | null>>();
const known = new Map<string, string | null>();
const waiting: Array<() => void> = [];
let running = 0;

function next(): void {
  while (running < MAX_PARALLEL && waiting.length > 0) {
    running++;
    waiting.shift()?.();
  }
}

function queued<T>(work: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    waiting.push(() => {
      work()
        .then(resolve, reject)
        .finally(() => {
          running--;
          next();
        });
    });
    next();
  });
}

function keyOf(repoId: string, name: string): string {
  return `${repoId}\n${name}`;
}

/** The icon already known for a chart: a data: URL, null for "none", undefined when not asked yet. */
export function knownIcon(repoId: string, name: string): string | null | undefined {
  return known.get(keyOf(repoId, name));
}

/** The chart's icon as a data: URL, or null when it has none or it cannot be loaded (never throws). */
export function loadIcon(repoId: string, name: string): Promise<string | null> {
  const key = keyOf(repoId, name);
  let pending = cache.get(key);
  if (!pending) {
    pending = queued(() => api.chartIcon({ repoId, name }))
      .then((icon) => (icon.dataUrl && icon.dataUrl.startsWith('data:image/') ? icon.dataUrl : null))
      .catch(() => null)
      .then((url) => {
        known.set(key, url);
        return url;
      });
    cache.set(key, pending);
  }
  return pending;
}

/** Forgets a repo's icons (after a refresh the index may name other icons). */
export function forgetIcons(repoId: string): void {
  for (const key of [...cache.keys()]) {
    if (key.startsWith(`${repoId}\n`)) {
      cache.delete(key);
      known.delete(key);
    }
  }
}
