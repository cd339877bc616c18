import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** A component whose code is a separate chunk: render it inside a LazyBoundary (or Suspense), or load it ahead with preload(). */
export type LazyView<P> = LazyExoticComponent<ComponentType<P>> & { preload: () => Promise<unknown> };

/** When the idle prefetch loads a chunk: 'next' for what the first screen most likely leads to, 'later' for the rest. */
export type PrefetchRank = 'next' | 'later';

/** A chunk that did not load (the server went away, or ChartDesk was rebuilt meanwhile); LazyBoundary says so. */
export class ChunkLoadError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'ChunkLoadError';
  }
}

interface Declared {
  rank: PrefetchRank;
  preload: () => Promise<unknown>;
  /** Someone (a render or the prefetch) has asked for it. */
  asked: boolean;
}

const declared: Declared[] = [];

/**
 * Declares a component loaded on demand by `load` (a dynamic import picking the named export).
 * The import runs once, whether preload() or a render asks first; after a failure the next ask tries again.
 */
export function lazyView<P extends object>(load: () => Promise<ComponentType<P>>, rank: PrefetchRank = 'later'): LazyView<P> {
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const entry: Declared = { rank, asked: false, preload: () => preload() };
  function preload(): Promise<{ default: ComponentType<P> }> {
    entry.asked = true;
    return (loading ??= load().then(
      (component) => ({ default: component }),
      (error: unknown) => {
        loading = undefined;
        throw new ChunkLoadError(error);
      },
    ));
  }
  declared.push(entry);
  return Object.assign(lazy(preload), { preload });
}

/** The loader of a declared lazy view nobody has asked for yet, 'next' ones first; undefined when all have been. */
export function nextToPrefetch(): (() => Promise<unknown>) | undefined {
  return (declared.find((d) => !d.asked && d.rank === 'next') ?? declared.find((d) => !d.asked))?.preload;
}
