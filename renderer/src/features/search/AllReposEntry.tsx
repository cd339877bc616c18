import './search.css';

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

/** The sidebar entry above the repo list that opens the search over every repo. */
export function AllReposEntry({ selected, onClick }: { selected: boolean; onClick: () => void }) {
  return (
    <button type="button" className={`sidebar-all${selected ? ' is-selected' : ''}`} aria-current={selected ? 'page' : undefined} onClick={onClick} data-testid="all-repos-entry" aria-keyshortcuts={isMac ? 'Meta+Shift+K' : 'Control+Shift+K'}>
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
        <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <path d="M10.4 10.4 14 14" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
      All repositories
      <kbd aria-hidden="true">{isMac ? '⇧⌘K' : 'Ctrl ⇧ K'}</kbd>
    </button>
  );
}
