/** A Map used as a small least-recently-used cache (Maps iterate in insertion order). */

/** Stores `value` under `key` as the most recent entry, then drops the oldest entries beyond `max`. */
export function rememberRecent<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > max) {
    const oldest = map.keys().next();
    if (oldest.done) break;
    map.delete(oldest.value);
  }
}
