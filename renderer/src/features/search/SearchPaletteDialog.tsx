import { Dialog } from '../../components/Dialog';
import { SearchPanel } from './SearchPanel';
import type { OpenChart } from './types';

/** The search palette's dialog: the search over every repo; Enter on a hit closes it and opens that chart. */
export function SearchPaletteDialog({ onClose, onOpenChart }: { onClose: () => void; onOpenChart: OpenChart }) {
  return (
    <Dialog title="Search every repository" onClose={onClose} size="lg" testId="search-palette">
      <SearchPanel
        idPrefix="palette"
        autoFocus
        onEscape={onClose}
        onOpenChart={(repoId, chart) => {
          onClose();
          onOpenChart(repoId, chart);
        }}
      />
    </Dialog>
  );
}
