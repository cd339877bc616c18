import { useState } from 'react';
import iconUrl from '../../../build/icon.svg';
import { KeyringDialog } from '../features/provenance/KeyringDialog';

/** The top-level views. */
export type View = 'repos' | 'inspector';

/** The title bar: app name and the switch between the repos and the JWT inspector. */
export function TitleBar({ view, onView }: { view: View; onView: (view: View) => void }) {
  const [keyring, setKeyring] = useState(false);
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
        <button type="button" className="nav-button" onClick={() => setKeyring(true)} data-testid="open-keyring">
          Keyring
        </button>
      </nav>
      {keyring && <KeyringDialog onClose={() => setKeyring(false)} />}
    </header>
  );
}
