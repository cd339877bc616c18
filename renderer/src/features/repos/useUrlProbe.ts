/** Probes the URL typed in the repo dialog through the core: debounced, a newer URL cancels the older probe, stale answers are dropped. */
import { useEffect, useId, useRef, useState } from 'react';
import { api, ApiError } from '../../api/client';
import type { RepoUrlProbe } from './types';

const DEBOUNCE_MS = 450;

/** The connection settings a probe may use (none is a credential). */
export interface ProbeTls {
  caFile: string;
  insecureSkipVerify: boolean;
  plainHttp: boolean | undefined;
}

/** What the dialog shows: nothing typed, a probe under way, its answer, or why there is none. */
export type UrlProbeState = { status: 'idle' } | { status: 'probing' } | { status: 'ready'; probe: RepoUrlProbe } | { status: 'error'; message: string };

/**
 * Probes `url` once typing pauses; `onAnswer` runs with each fresh answer (the dialog applies the
 * proposal there). `enabled` false (an unchanged URL in Edit) probes nothing.
 */
export function useUrlProbe(url: string, tls: ProbeTls, enabled: boolean, onAnswer: (probe: RepoUrlProbe) => void): UrlProbeState {
  const key = `repo-dialog-${useId()}`;
  const trimmed = url.trim();
  const request = JSON.stringify([trimmed, tls.caFile.trim(), tls.insecureSkipVerify, tls.plainHttp ?? null]);
  const [answer, setAnswer] = useState<{ request: string; state: UrlProbeState }>();
  const onAnswerRef = useRef(onAnswer);
  useEffect(() => {
    onAnswerRef.current = onAnswer;
  });
  useEffect(() => {
    if (!enabled || !trimmed) return undefined;
    let current = true;
    const [typed, caFile, insecureSkipVerify, plainHttp] = JSON.parse(request) as [string, string, boolean, boolean | null];
    const timer = setTimeout(() => {
      const input = { url: typed, key, tls: { insecureSkipVerify, ...(caFile ? { caFile } : {}), ...(plainHttp !== null ? { plainHttp } : {}) } };
      api.probeRepoUrl(input).then(
        (probe) => {
          if (!current) return;
          setAnswer({ request, state: { status: 'ready', probe } });
          onAnswerRef.current(probe);
        },
        (error: unknown) => {
          // A newer probe replaced this one: its own answer follows.
          if (!current || (error instanceof ApiError && error.kind === 'cancelled')) return;
          setAnswer({ request, state: { status: 'error', message: error instanceof Error ? error.message : String(error) } });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [request, enabled, trimmed, key]);
  if (!enabled || !trimmed) return { status: 'idle' };
  return answer?.request === request ? answer.state : { status: 'probing' };
}
