import { useCallback, useEffect, useState } from 'react';
import { api, onEventsConnected } from '../../api/client';
import { firstCallState, takeFirstCall } from '../../api/firstCalls';
import { settle, type AsyncState } from '../../hooks/asyncState';
import type { Settings, SettingsChanges } from './types';

/** What useSettings offers. */
export interface SettingsApi {
  state: AsyncState<Settings>;
  /** Saves `changes`; resolves to the new settings, rejects with the core's reason (the old value stays). */
  update: (changes: SettingsChanges) => Promise<Settings>;
}

/** The app's settings: loaded once, kept current by settingsChanged (another window, an import). */
export function useSettings(): SettingsApi {
  const [state, setState] = useState<AsyncState<Settings>>(() => firstCallState('getSettings'));
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    // The first load takes over the call the early entry started.
    void ((generation === 0 ? takeFirstCall('getSettings') : undefined) ?? settle(api.getSettings({}))).then((next) => current && setState(next));
    return () => {
      current = false;
    };
  }, [generation]);
  useEffect(() => api.onSettingsChanged(({ settings }) => setState({ status: 'ready', value: settings })), []);
  useEffect(() => onEventsConnected(() => setGeneration((g) => g + 1)), []);
  const update = useCallback(async (changes: SettingsChanges) => {
    const next = await api.updateSettings(changes);
    setState({ status: 'ready', value: next });
    return next;
  }, []);
  return { state, update };
}
