import { useCallback, useEffect, useRef, useState } from 'react';
import { api, onEventsConnected } from '../../api/client';
import { firstCallState, takeFirstCall } from '../../api/firstCalls';
import { settle, type AsyncState } from '../../hooks/asyncState';
import type { Repo } from './types';

/** What useRepos offers. */
export interface ReposApi {
  state: AsyncState<Repo[]>;
  reload: () => void;
  /** Shows `repoIds` in that order at once, then saves it; on failure reloads and rethrows. */
  reorder: (repoIds: string[]) => Promise<void>;
}

/**
 * The repo list: loaded once, then kept current by the core's reposChanged event. While a reorder
 * is being saved, events are ignored (a late event of an earlier move would undo the newer one).
 */
export function useRepos(): ReposApi {
  const [state, setState] = useState<AsyncState<Repo[]>>(() => firstCallState('listRepos'));
  const [generation, setGeneration] = useState(0);
  const saving = useRef(0);
  useEffect(() => {
    let current = true;
    // The first load takes over the call the early entry started.
    void ((generation === 0 ? takeFirstCall('listRepos') : undefined) ?? settle(api.listRepos({}))).then((next) => current && setState(next));
    return () => {
      current = false;
    };
  }, [generation]);
  useEffect(
    () =>
      api.onReposChanged(({ repos }) => {
        if (saving.current === 0) setState({ status: 'ready', value: repos });
      }),
    [],
  );
  // Changes made while the event stream was not connected yet (or was down) arrive by reloading.
  useEffect(() => onEventsConnected(() => setGeneration((g) => g + 1)), []);
  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setGeneration((g) => g + 1);
  }, []);
  const reorder = useCallback(
    async (repoIds: string[]) => {
      setState((prev) => {
        if (prev.status !== 'ready') return prev;
        const byId = new Map(prev.value.map((r) => [r.id, r]));
        return { status: 'ready', value: repoIds.map((id) => byId.get(id)).filter((r): r is Repo => r !== undefined) };
      });
      saving.current += 1;
      try {
        const saved = await api.reorderRepos({ repoIds });
        if (saving.current === 1) setState({ status: 'ready', value: saved });
      } catch (error) {
        reload();
        throw error;
      } finally {
        saving.current -= 1;
      }
    },
    [reload],
  );
  return { state, reload, reorder };
}
