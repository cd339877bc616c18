import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { AsyncState } from '../../hooks/useAsync';
import type { Scope } from '../auth/ScopePicker';
import type { TokenView } from './types';

type Keyed = { key: string; value: AsyncState<TokenView> };

/**
 * A repo's token for a scope: fetched when `enabled` (cached by the core unless `load(true)`),
 * then kept current by tokenUpdated events (connects and auto-refresh).
 */
export function useToken(repoId: string, scope: Scope, enabled: boolean): { state: AsyncState<TokenView> | undefined; load: (fresh: boolean) => void } {
  const [state, setState] = useState<Keyed>();
  const key = `${repoId}|${scope}`;
  const request = useCallback(
    (fresh: boolean) => {
      const settle = (value: AsyncState<TokenView>) => setState((prev) => (prev === undefined || prev.key === key ? { key, value } : prev));
      api.getToken({ repoId, scope, fresh }).then(
        (token) => settle({ status: 'ready', value: token }),
        (error: unknown) => settle({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
      );
    },
    [repoId, scope, key],
  );
  const load = useCallback(
    (fresh: boolean) => {
      setState({ key, value: { status: 'loading' } });
      request(fresh);
    },
    [key, request],
  );
  useEffect(() => {
    if (enabled) request(false);
  }, [enabled, request]);
  useEffect(
    () =>
      api.onTokenUpdated((event) => {
        if (event.repoId === repoId && event.scope === scope) setState({ key, value: { status: 'ready', value: event.token } });
      }),
    [repoId, scope, key],
  );
  if (state?.key === key) return { state: state.value, load };
  return { state: enabled ? { status: 'loading' } : undefined, load };
}
