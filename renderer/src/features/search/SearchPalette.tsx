import { useState } from 'react';
import { SHORTCUTS, useShortcut } from '../../hooks/useShortcut';
import { LazyDialog } from '../../lazy/LazyDialog';
import { SearchPaletteDialog } from './lazy';
import type { OpenChart } from './types';

/** Mounts the search palette: Ctrl/Cmd+Shift+K opens it anywhere in the window; Enter on a hit opens that chart in its repo. */
export function SearchPalette({ onOpenChart }: { onOpenChart: OpenChart }) {
  const [open, setOpen] = useState(false);
  useShortcut(SHORTCUTS.searchAll, () => setOpen(true));
  if (!open) return null;
  return (
    <LazyDialog onClose={() => setOpen(false)}>
      <SearchPaletteDialog onClose={() => setOpen(false)} onOpenChart={onOpenChart} />
    </LazyDialog>
  );
}
