import { useCallback, useState } from 'react';

const memory = new Map<string, unknown>();

/**
 * Like useState, but the value outlives the component for this window's life, under `key`
 * (so a repo's last connect result is still there after switching tabs or repos).
 */
export function useRemembered<T>(key: string, initial: T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => (memory.has(key) ? (memory.get(key) as T) : initial));
  const set = useCallback(
    (next: T) => {
      memory.set(key, next);
      setValue(next);
    },
    [key],
  );
  return [value, set];
}
