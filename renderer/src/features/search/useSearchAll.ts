/**
 * The search over every repo as the palette and the All repositories view use it: the core
 * searches what is open or kept offline at once; the repos not open yet are opened one by one
 * (their download progress shown) and the search runs again after each.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import type { IndexLoadProgress } from '../charts/useChartIndex';
import type { SearchAllResult, UnopenedRepo } from './types';

const DEBOUNCE_MS = 80;
const HITS_PER_REPO = 8;

/** Repos this session already tried to open for a search (each is opened once; Try again clears it). */
const tried = new Set<string>();

/** The search's state. */
export interface SearchAllState {
  /** The answer for the current query (or the previous one while the new one runs). */
  result?: SearchAllResult;
  /** True while the answer shown is not for the current query. */
  searching: boolean;
  /** The repo being opened, and how far its download has come. */
  opening?: { repo: UnopenedRepo; progress?: IndexLoadProgress };
  /** Repos that could not be opened, with the reason. */
  failures: Array<{ repo: UnopenedRepo; message: string }>;
  error?: string;
  /** Opens a failed repo again. */
  retry: (repoId: string) => void;
}

/** Searches `query` over every repo while `active` (the palette or view is shown). */
export function useSearchAll(query: string, active: boolean): SearchAllState {
  const trimmed = query.trim();
  const [generation, setGeneration] = useState(0);
  const [answer, setAnswer] = useState<{ key: string; result?: SearchAllResult; error?: string }>();
  const [triedIds, setTriedIds] = useState<ReadonlySet<string>>(() => new Set(tried));
  const [progress, setProgress] = useState<{ repoId: string; progress: IndexLoadProgress }>();
  const [failures, setFailures] = useState<SearchAllState['failures']>([]);
  const key = `${generation}\n${trimmed}`;

  useEffect(() => {
    if (!active) return undefined;
    let current = true;
    const timer = setTimeout(() => {
      api.searchAllRepos({ query: trimmed, limitPerRepo: HITS_PER_REPO }).then(
        (result) => current && setAnswer({ key, result }),
        (error: unknown) => current && setAnswer({ key, error: error instanceof Error ? error.message : String(error) }),
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [active, trimmed, key]);

  // The next repo to open: the first one not open in this session that was not tried yet; one at a time.
  const next = active ? answer?.result?.unopened.find((repo) => !triedIds.has(repo.repoId)) : undefined;
  const nextId = next?.repoId;
  const nextRef = useRef(next);
  useEffect(() => {
    nextRef.current = next;
  });
  useEffect(() => {
    const repo = nextRef.current;
    if (!nextId || !repo) return undefined;
    let current = true;
    api
      .openIndex({ repoId: nextId })
      .then(
        () => undefined,
        (error: unknown) => {
          if (current) setFailures((list) => [...list.filter((f) => f.repo.repoId !== nextId), { repo, message: error instanceof Error ? error.message : String(error) }]);
        },
      )
      .finally(() => {
        tried.add(nextId);
        if (!current) return;
        setTriedIds(new Set(tried));
        setGeneration((g) => g + 1);
      });
    return () => {
      current = false;
    };
  }, [nextId]);

  useEffect(
    () =>
      api.onIndexProgress((event) =>
        setProgress({ repoId: event.repoId, progress: { phase: event.phase, receivedBytes: event.receivedBytes, ...(event.totalBytes !== undefined ? { totalBytes: event.totalBytes } : {}) } }),
      ),
    [],
  );

  const retry = useCallback((repoId: string) => {
    tried.delete(repoId);
    setTriedIds(new Set(tried));
    setFailures((list) => list.filter((f) => f.repo.repoId !== repoId));
  }, []);

  return {
    ...(answer?.result ? { result: answer.result } : {}),
    searching: answer?.key !== key,
    ...(next ? { opening: { repo: next, ...(progress?.repoId === next.repoId ? { progress: progress.progress } : {}) } } : {}),
    failures,
    ...(answer?.key === key && answer.error ? { error: answer.error } : {}),
    retry,
  };
}
