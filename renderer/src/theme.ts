/**
 * The colour theme on <html>: `data-theme="light"|"dark"` pins it, no attribute follows the system
 * (styles.css picks every colour with light-dark()). The choice lives in settings.json; a copy in
 * localStorage applies it before the first paint, so a dark choice never flashes light.
 */

/** A theme choice, as Settings has it. */
export type ThemeChoice = 'system' | 'light' | 'dark';

const STORAGE_KEY = 'chartdesk.theme';

/** Applies `theme` to the document and remembers it for the next start. */
export function applyTheme(theme: ThemeChoice, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
  try {
    localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Storage may be unavailable (a locked-down profile): the setting still applies once loaded.
  }
}

/** Applies the theme remembered from the last run, if any (call before rendering). */
export function applyRememberedTheme(): void {
  let remembered: string | null = null;
  try {
    remembered = localStorage.getItem(STORAGE_KEY);
  } catch {
    return;
  }
  if (remembered === 'light' || remembered === 'dark' || remembered === 'system') applyTheme(remembered);
}
