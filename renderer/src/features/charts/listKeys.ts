/** Arrow-key navigation shared by the search box and the chart list. */
import type { KeyboardEvent } from 'react';

const PAGE_STEP = 10;

/**
 * Moves the active row on ArrowUp/ArrowDown/PageUp/PageDown (and Home/End when `withHomeEnd`),
 * opens it on Enter. Returns true when the key was handled.
 */
export function handleListKey(
  event: KeyboardEvent,
  count: number,
  active: number,
  setActive: (index: number) => void,
  open: (index: number) => void,
  withHomeEnd: boolean,
): boolean {
  if (count === 0) return false;
  const clamp = (i: number) => Math.max(0, Math.min(count - 1, i));
  let target: number | undefined;
  switch (event.key) {
    case 'ArrowDown':
      target = active < 0 ? 0 : clamp(active + 1);
      break;
    case 'ArrowUp':
      target = active < 0 ? 0 : clamp(active - 1);
      break;
    case 'PageDown':
      target = clamp(active + PAGE_STEP);
      break;
    case 'PageUp':
      target = clamp(active - PAGE_STEP);
      break;
    case 'Home':
      if (withHomeEnd) target = 0;
      break;
    case 'End':
      if (withHomeEnd) target = count - 1;
      break;
    case 'Enter':
      event.preventDefault();
      open(active < 0 ? 0 : active);
      return true;
  }
  if (target === undefined) return false;
  event.preventDefault();
  setActive(target);
  return true;
}
