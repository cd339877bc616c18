import type { MethodOutput } from '../../../electron/contract';
import type { AsyncState } from '../hooks/useAsync';

/** Version, transport, keychain state and the main shortcuts along the bottom edge. */
export function StatusBar({ info, repoName }: { info: AsyncState<MethodOutput<'appInfo'>>; repoName?: string | undefined }) {
  if (info.status !== 'ready') return <footer className="statusbar" />;
  const { version, transport, keychain } = info.value;
  const mod = /Mac/i.test(navigator.platform) ? '⌘' : 'Ctrl+';
  return (
    <footer className="statusbar" data-testid="status-bar">
      <span>ChartDesk {version}</span>
      <span>{transport === 'browser' ? 'Browser mode' : 'Desktop'}</span>
      <span className={`keychain keychain-${keychain.state}`} title={keychain.detail}>
        Keychain: {keychain.state === 'session-only' ? 'session only' : keychain.state}
      </span>
      {repoName && <span className="statusbar-repo">{repoName}</span>}
      <span className="statusbar-keys" aria-label="Keyboard shortcuts">
        {mod}K search · {mod}⇧K all repos · {mod}R refresh · {mod}⇧C copy token
      </span>
    </footer>
  );
}
