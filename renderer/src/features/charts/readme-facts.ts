/** Which charts have a README, learnt as their versions are opened (for this session), shared by the version view and the list filters. */
import { useEffect, useSyncExternalStore } from 'react';
import type { ReadmeFacts } from './chart-filters';

const facts = new Map<string, Map<string, boolean>>();
const listeners = new Set<() => void>();
const EMPTY: ReadmeFacts = new Map();

/** Records whether `chart` of `repoId` has a README (its latest opened version says). */
export function noteReadme(repoId: string, chart: string, has: boolean): void {
  const repo = facts.get(repoId);
  if (repo?.get(chart) === has) return;
  // A new Map each time, so subscribers see a new snapshot.
  facts.set(repoId, new Map(repo ?? []).set(chart, has));
  for (const listener of listeners) listener();
}

/** What is known of the repo's READMEs; re-renders when more is learnt. */
export function useReadmeFacts(repoId: string): ReadmeFacts {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => facts.get(repoId) ?? EMPTY,
  );
}

/** Notes a loaded version's README (call with the version view's content once it is there). */
export function useNoteReadme(repoId: string, chart: string, content: { readme?: unknown } | undefined): void {
  const has = content === undefined ? undefined : content.readme !== undefined;
  useEffect(() => {
    if (has !== undefined) noteReadme(repoId, chart, has);
  }, [repoId, chart, has]);
}
