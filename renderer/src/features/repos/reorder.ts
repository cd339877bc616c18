/** The ids with `id` moved by `delta` places (clamped to the ends); the same array when it cannot move. */
export function moveId(ids: readonly string[], id: string, delta: number): string[] {
  const from = ids.indexOf(id);
  const to = Math.max(0, Math.min(ids.length - 1, from + delta));
  if (from === -1 || from === to) return [...ids];
  const next = ids.filter((x) => x !== id);
  next.splice(to, 0, id);
  return next;
}

/** The ids with `id` placed where `target` is now (drag and drop). */
export function moveBefore(ids: readonly string[], id: string, target: string): string[] {
  return moveId(ids, id, ids.indexOf(target) - ids.indexOf(id));
}
