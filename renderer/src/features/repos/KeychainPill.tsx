import type { KeychainStatus } from './types';

const WORDS: Record<KeychainStatus['state'], string> = {
  available: 'Keychain available',
  locked: 'Keychain locked',
  missing: 'Keychain missing',
  'session-only': 'Session only',
};

/** The keychain state at the foot of the sidebar, with "Check again" when it is not available. */
export function KeychainPill({ status, onRecheck }: { status: KeychainStatus | undefined; onRecheck: () => void }) {
  if (!status) return <div className="keychain-pill" />;
  return (
    <div className={`keychain-pill keychain-${status.state}`} data-testid="keychain-status" data-state={status.state}>
      <span className="keychain-dot" aria-hidden="true" />
      <span className="keychain-words" title={status.detail}>
        {WORDS[status.state]}
      </span>
      {status.state !== 'available' && (
        <button type="button" className="link-button" onClick={onRecheck}>
          Check again
        </button>
      )}
    </div>
  );
}
