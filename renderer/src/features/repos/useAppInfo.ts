import { useCallback, useEffect, useState } from 'react';
import type { MethodOutput } from '../../../../electron/contract';
import { api } from '../../api/client';
import { firstCallState, takeFirstCall } from '../../api/firstCalls';
import { settle, type AsyncState } from '../../hooks/asyncState';
import type { KeychainStatus } from './types';

type AppInfo = MethodOutput<'appInfo'>;

/**
 * Facts about the running app, with the keychain status kept current: `recheck` asks again (the
 * vault retries a locked or missing keychain), `noteKeychain` applies a status a call returned.
 */
export function useAppInfo(): { info: AsyncState<AppInfo>; recheck: () => void; noteKeychain: (status: KeychainStatus) => void } {
  const [info, setInfo] = useState<AsyncState<AppInfo>>(() => firstCallState('appInfo'));
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    // The first load takes over the call the early entry started; a recheck asks again.
    void ((generation === 0 ? takeFirstCall('appInfo') : undefined) ?? settle(api.appInfo({}))).then((next) => current && setInfo(next));
    return () => {
      current = false;
    };
  }, [generation]);
  const recheck = useCallback(() => setGeneration((g) => g + 1), []);
  const noteKeychain = useCallback((keychain: KeychainStatus) => setInfo((prev) => (prev.status === 'ready' ? { status: 'ready', value: { ...prev.value, keychain } } : prev)), []);
  return { info, recheck, noteKeychain };
}
