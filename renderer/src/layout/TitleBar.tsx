import iconUrl from '../../../build/icon.svg';

/** The top-level views ('all-repos': the search over every repo, from the sidebar). */
export type View = 'repos' | 'inspector' | 'settings' | 'all-repos';

/** The title bar: app name and the switch between the repos, the JWT inspector and Settings. */
export function TitleBar({ view, onView }: { view: View; onView: (view: View) => void }) {
  return (
    <header className="titlebar">
      <img src={iconUrl} alt="" width={22} height={22} />
      <h1>ChartDesk</h1>
      <nav className="titlebar-nav" aria-label="Views">
        <button type="button" className={view === 'repos' ? 'nav-button is-current' : 'nav-button'} aria-current={view === 'repos' ? 'page' : undefined} onClick={() => onView('repos')}>
          Repositories
        </button>
        <button type="button" className={view === 'inspector' ? 'nav-button is-current' : 'nav-button'} aria-current={view === 'inspector' ? 'page' : undefined} onClick={() => onView('inspector')}>
          Inspect a JWT
        </button>
        <button type="button" className={view === 'settings' ? 'nav-button is-current' : 'nav-button'} aria-current={view === 'settings' ? 'page' : undefined} onClick={() => onView('settings')} title="Settings (Ctrl+, or ⌘,)">
          Settings
        </button>
      </nav>
    </header>
  );
}
