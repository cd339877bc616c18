import type { MethodOutput } from '../../../electron/contract';
import type { AsyncState } from '../hooks/useAsync';

/** Version, transport and keychain state along the bottom edge. */
export function StatusBar({ info }: { info: AsyncState<MethodOutput<'appInfo'>> }) {
  if (info.status !== 'ready') return <footer className="statusbar" />;
  const { version, transport, keychain } = info.value;
  return (
    <footer className="statusbar" data-testid="status-bar">
      <span>ChartDesk {version}</span>
      <span>{transport === 'browser' ? 'Browser mode' : 'Desktop'}</span>
      <span className={`keychain keychain-${keychain.state}`} title={keychain.detail}>
        Keychain: {keychain.state === 'session-only' ? 'session only' : keychain.state}
      </span>
    </footer>
  );
}
