import { SearchPanel } from './SearchPanel';
import type { OpenChart } from './types';

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

/** The "All repositories" view: one search over every stored repo, as the palette has it. */
export function AllReposView({ onOpenChart }: { onOpenChart: OpenChart }) {
  return (
    <section className="workspace all-repos" aria-labelledby="all-repos-title" data-testid="all-repos-view">
      <header className="workspace-head">
        <div className="workspace-title">
          <h2 id="all-repos-title">All repositories</h2>
          <p className="workspace-meta muted">
            Ranked as each repo’s own search, grouped by repo. Open indexes and offline copies answer at once; the others are opened as you search. Also on{' '}
            <kbd>{isMac ? '⌘' : 'Ctrl'}</kbd> <kbd>Shift</kbd> <kbd>K</kbd>.
          </p>
        </div>
      </header>
      <SearchPanel idPrefix="all-repos" onOpenChart={onOpenChart} autoFocus />
    </section>
  );
}
