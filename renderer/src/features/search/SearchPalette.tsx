import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { SHORTCUTS, useShortcut } from '../../hooks/useShortcut';
import { SearchPanel } from './SearchPanel';
import type { OpenChart } from './types';

/** Mounts the search palette: Ctrl/Cmd+Shift+K opens it anywhere in the window; Enter on a hit opens that chart in its repo. */
export function SearchPalette({ onOpenChart }: { onOpenChart: OpenChart }) {
  const [open, setOpen] = useState(false);
  useShortcut(SHORTCUTS.searchAll, () => setOpen(true));
  if (!open) return null;
  return (
    <Dialog title="Search every repository" onClose={() => setOpen(false)} size="lg" testId="search-palette">
      <SearchPanel
        idPrefix="palette"
        autoFocus
        onEscape={() => setOpen(false)}
        onOpenChart={(repoId, chart) => {
          setOpen(false);
          onOpenChart(repoId, chart);
        }}
      />
    </Dialog>
  );
}
