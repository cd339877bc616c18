import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { AsyncState } from '../../hooks/useAsync';
import type { Repo } from './types';

/**
 * The repo list: loaded once, then kept current by the core's reposChanged event (and by
 * `setRepos` after a call that returns the new list). `reload` asks again.
 */
export function useRepos(): { state: AsyncState<Repo[]>; reload: () => void; setRepos: (repos: Repo[]) => void } {
  const [state, setState] = useState<AsyncState<Repo[]>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    api.listRepos({}).then(
      (repos) => current && setState({ status: 'ready', value: repos }),
      (error: unknown) => current && setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      current = false;
    };
  }, [generation]);
  useEffect(() => api.onReposChanged(({ repos }) => setState({ status: 'ready', value: repos })), []);
  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setGeneration((g) => g + 1);
  }, []);
  const setRepos = useCallback((repos: Repo[]) => setState({ status: 'ready', value: repos }), []);
  return { state, reload, setRepos };
}
