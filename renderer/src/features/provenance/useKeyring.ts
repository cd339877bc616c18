/** The keyring and signing keys as the panel shows them, reloaded after every change. */
import { useCallback } from 'react';
import { api } from '../../api/client';
import { useAsync, type AsyncState } from '../../hooks/useAsync';
import type { KeyInfo, SigningKeyInfo } from './types';

/** Both lists, loaded together. */
export interface KeyringLists {
  keys: KeyInfo[];
  signingKeys: SigningKeyInfo[];
}

/** Loads both lists; `reload` after an import or removal. */
export function useKeyring(): [AsyncState<KeyringLists>, () => void] {
  const load = useCallback(async () => {
    const [keys, signingKeys] = await Promise.all([api.listKeys({}), api.listSigningKeys({})]);
    return { keys, signingKeys };
  }, []);
  return useAsync(load, 'keyring');
}
