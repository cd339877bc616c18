import { useCallback, useEffect, useRef, useState } from 'react';
import { LOADING, type AsyncState } from './asyncState';

export type { AsyncState } from './asyncState';

/** Runs `load` whenever `key` changes; `reload` runs it again. Stale results are dropped. */
export function useAsync<T>(load: () => Promise<T>, key: string): [AsyncState<T>, () => void] {
  const [result, setResult] = useState<{ key: string; state: AsyncState<T> }>();
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  useEffect(() => {
    loadRef.current = load;
  });
  const fullKey = `${key}#${generation}`;
  useEffect(() => {
    let current = true;
    loadRef.current().then(
      (value) => current && setResult({ key: fullKey, state: { status: 'ready', value } }),
      (error: unknown) =>
        current && setResult({ key: fullKey, state: { status: 'error', error: error instanceof Error ? error : new Error(String(error)) } }),
    );
    return () => {
      current = false;
    };
  }, [fullKey]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return [result?.key === fullKey ? result.state : LOADING, reload];
}
