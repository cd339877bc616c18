/**
 * Index opens started before a repo's Charts tab mounts (on Add, and on selecting a repo that opens
 * on its charts), so the download runs while the UI catches up; the tab takes the open it finds.
 */
import { api } from '../../api/client';
import type { IndexSummary } from './types';

/** An early open is handed over only this soon; later the tab asks again (the core answers from memory). */
const HAND_OVER_MS = 10_000;

const started = new Map<string, { at: number; summary: Promise<IndexSummary> }>();

/** Starts opening `repoId`'s index now, unless an open started moments ago. */
export function openIndexEarly(repoId: string): void {
  const running = started.get(repoId);
  if (running && Date.now() - running.at < HAND_OVER_MS) return;
  const summary = api.openIndex({ repoId, refresh: false });
  // The Charts tab reports a failure when it takes this open; an open nobody takes fails quietly.
  summary.catch(() => undefined);
  started.set(repoId, { at: Date.now(), summary });
}

/** The early open of `repoId`, if one started recently; each is taken once. */
export function takeEarlyIndexOpen(repoId: string): Promise<IndexSummary> | undefined {
  const running = started.get(repoId);
  started.delete(repoId);
  return running && Date.now() - running.at < HAND_OVER_MS ? running.summary : undefined;
}
