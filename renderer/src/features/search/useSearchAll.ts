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
  const [opening, setOpening] = useState<SearchAllState['opening']>();
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

  const unopened = answer?.result?.unopened;
  const todoKey = (unopened ?? []).filter((repo) => !tried.has(repo.repoId)).map((repo) => repo.repoId).join(' ');
  const unopenedRef = useRef(unopened);
  useEffect(() => {
    unopenedRef.current = unopened;
  });
  useEffect(() => {
    if (!active || !todoKey) return undefined;
    let cancelled = false;
    const todo = (unopenedRef.current ?? []).filter((repo) => todoKey.split(' ').includes(repo.repoId));
    const open = async () => {
      for (const repo of todo) {
        if (cancelled) return;
        tried.add(repo.repoId);
        setOpening({ repo });
        try {
          await api.openIndex({ repoId: repo.repoId });
        } catch (error) {
          setFailures((list) => [...list.filter((f) => f.repo.repoId !== repo.repoId), { repo, message: error instanceof Error ? error.message : String(error) }]);
        }
        if (!cancelled) setGeneration((g) => g + 1);
      }
      if (!cancelled) setOpening(undefined);
    };
    void open();
    return () => {
      cancelled = true;
    };
  }, [active, todoKey]);

  useEffect(
    () =>
      api.onIndexProgress((event) =>
        setOpening((o) => (o && o.repo.repoId === event.repoId ? { ...o, progress: { phase: event.phase, receivedBytes: event.receivedBytes, ...(event.totalBytes !== undefined ? { totalBytes: event.totalBytes } : {}) } } : o)),
      ),
    [],
  );

  const retry = useCallback((repoId: string) => {
    tried.delete(repoId);
    setFailures((list) => list.filter((f) => f.repo.repoId !== repoId));
    setGeneration((g) => g + 1);
  }, []);

  return {
    ...(answer?.result ? { result: answer.result } : {}),
    searching: answer?.key !== key,
    ...(opening && active ? { opening } : {}),
    failures,
    ...(answer?.key === key && answer.error ? { error: answer.error } : {}),
    retry,
  };
}
