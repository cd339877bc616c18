import { useState } from 'react';
import type { KeychainStatus } from './types';
import './banners.css';

/**
 * Shown across the window whenever secrets cannot go to the OS keychain (session only, locked or
 * missing). It has no close button: it can be folded to one line, never dismissed by accident.
 */
export function KeychainBanner({ status, onRecheck }: { status: KeychainStatus | undefined; onRecheck: () => void }) {
  const [folded, setFolded] = useState(false);
  if (!status || status.state === 'available') return null;
  const title = status.state === 'locked' ? 'The keychain is locked: secrets live only in memory' : 'No keychain: secrets live only in memory';
  return (
    <section className={`banner banner-warn${folded ? ' is-folded' : ''}`} aria-label="Keychain warning" data-testid="keychain-banner" data-state={status.state}>
      <span className="banner-icon" aria-hidden="true">
        ⚠
      </span>
      <div className="banner-text">
        <strong>{title}.</strong>
        {!folded && (
          <>
            <p>Secrets you enter are kept for this session only and forgotten when ChartDesk quits; nothing is written to disk in plaintext.</p>
            <p className="banner-detail">{status.detail}</p>
          </>
        )}
      </div>
      <div className="banner-actions">
        <button type="button" className="small" onClick={onRecheck}>
          Check again
        </button>
        <button type="button" className="small link-button" onClick={() => setFolded((f) => !f)} aria-expanded={!folded}>
          {folded ? 'Details' : 'Fold'}
        </button>
      </div>
    </section>
  );
}
