import { useEffect, useRef } from 'react';

/**
 * The app's keyboard shortcuts, in the combo syntax `useShortcut` takes: parts joined by `+`,
 * `mod` meaning Ctrl (or Cmd on macOS), then `shift`/`alt`, then the key (`k`, `f5`, `escape`).
 */
export const SHORTCUTS = {
  /** Focus the search box (the Charts tab registers it). */
  search: ['mod+k'],
  /** Open the search over every repo (the window registers it). */
  searchAll: ['mod+shift+k'],
  /** Copy the current token (the Token tab registers it). */
  copyToken: ['mod+shift+c'],
  /** Refresh what the current tab shows. */
  refresh: ['mod+r', 'f5'],
  /** Open the Settings view (the window registers it). */
  settings: ['mod+,'],
} as const;

type Handler = (event: KeyboardEvent) => void;
interface Registration {
  handler: { current: Handler };
}

const registry = new Map<string, Registration[]>();
let listening = false;

/** The canonical combo of a key event, e.g. "mod+shift+c". */
export function comboOf(event: KeyboardEvent): string {
  const parts: string[] = [];
  if (event.ctrlKey || event.metaKey) parts.push('mod');
  if (event.shiftKey) parts.push('shift');
  if (event.altKey) parts.push('alt');
  parts.push(event.key.toLowerCase());
  return parts.join('+');
}

function onKeyDown(event: KeyboardEvent): void {
  if (event.defaultPrevented || event.isComposing) return;
  // A modal dialog owns the keyboard: shortcuts would act on the page behind it.
  if (document.querySelector('dialog[open]')) return;
  const stack = registry.get(comboOf(event));
  const top = stack?.[stack.length - 1];
  if (!top) return;
  event.preventDefault();
  top.handler.current(event);
}

function register(combo: string, entry: Registration): () => void {
  if (!listening) {
    window.addEventListener('keydown', onKeyDown);
    listening = true;
  }
  const key = combo.toLowerCase();
  registry.set(key, [...(registry.get(key) ?? []), entry]);
  return () => registry.set(key, (registry.get(key) ?? []).filter((e) => e !== entry));
}

/**
 * Runs `handler` when one of `combos` is pressed anywhere in the window, while the calling
 * component is mounted and `enabled` is true. The most recently mounted registration of a combo
 * wins (so the visible tab's handler runs); the browser's default action is prevented. Shortcuts
 * are off while a modal dialog is open.
 * Example: `useShortcut(SHORTCUTS.search, () => inputRef.current?.focus())`.
 */
export function useShortcut(combos: string | readonly string[], handler: Handler, enabled = true): void {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  const key = typeof combos === 'string' ? combos : combos.join(' ');
  useEffect(() => {
    if (!enabled) return undefined;
    const entry: Registration = { handler: ref };
    const undo = key.split(' ').map((combo) => register(combo, entry));
    return () => undo.forEach((u) => u());
  }, [key, enabled]);
}
