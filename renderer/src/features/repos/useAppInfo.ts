import { useCallback, useEffect, useState } from 'react';
import type { MethodOutput } from '../../../../electron/contract';
import { api } from '../../api/client';
import type { AsyncState } from '../../hooks/useAsync';
import type { KeychainStatus } from './types';

type AppInfo = MethodOutput<'appInfo'>;

/**
 * Facts about the running app, with the keychain status kept current: `recheck` asks again (the
 * vault retries a locked or missing keychain), `noteKeychain` applies a status a call returned.
 */
export function useAppInfo(): { info: AsyncState<AppInfo>; recheck: () => void; noteKeychain: (status: KeychainStatus) => void } {
  const [info, setInfo] = useState<AsyncState<AppInfo>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    api.appInfo({}).then(
      (value) => current && setInfo({ status: 'ready', value }),
      (error: unknown) => current && setInfo({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      current = false;
    };
  }, [generation]);
  const recheck = useCallback(() => setGeneration((g) => g + 1), []);
  const noteKeychain = useCallback((keychain: KeychainStatus) => setInfo((prev) => (prev.status === 'ready' ? { status: 'ready', value: { ...prev.value, keychain } } : prev)), []);
  return { info, recheck, noteKeychain };
}
