import { useState } from 'react';
import { EmptyState } from '../../components/States';
import { SHORTCUTS, useShortcut } from '../../hooks/useShortcut';
import type { KeychainStatus, Repo } from '../repos/types';
import { AUTH_MODE_WORDS } from '../repos/types';
import { CredentialPanel } from './CredentialPanel';
import { FlowOutcomeView } from './FlowOutcomeView';
import { RealmApprovalLine } from './RealmApprovalLine';
import { ScopePicker, type Scope } from './ScopePicker';
import { useFlowRunner } from './useFlowRunner';
import './connection.css';

const FLOW_WORDS: Record<Repo['auth']['mode'], string> = {
  'token-server': 'Connect asks for index.yaml and shows every request: challenge → token → retry.',
  bearer: 'Connect asks for index.yaml with the stored token and shows the request.',
  basic: 'Connect asks for index.yaml with the stored user name and password and shows the request.',
  none: 'Connect asks for index.yaml without credentials and shows the request.',
  'identity-token': 'Connect trades the stored identity token for an access token and shows every request.',
};

/** The Connection tab: run the auth flow (Connect) or test the credential, read the trace, manage the secret. */
export function ConnectionTab({ repo, keychain, onKeychain }: { repo: Repo; keychain: KeychainStatus | undefined; onKeychain: (status: KeychainStatus) => void }) {
  const [scope, setScope] = useState<Scope>('pull');
  const { outcome, busy, run, approveAndRetry } = useFlowRunner(repo.id);
  useShortcut(SHORTCUTS.refresh, () => void run('connect', scope), busy === undefined);
  return (
    <div className="connection-tab">
      <section className="panel" aria-labelledby="flow-title">
        <div className="panel-head">
          <div>
            <h3 id="flow-title" className="section-title">
              Auth flow
            </h3>
            <p className="muted">
              {AUTH_MODE_WORDS[repo.auth.mode]}
              {repo.auth.mode === 'token-server' && ` · dialect ${repo.auth.dialect === 'auto' ? 'auto-detected' : repo.auth.dialect}`}. {FLOW_WORDS[repo.auth.mode]}
            </p>
          </div>
        </div>
        <div className="toolbar">
          {repo.auth.mode === 'token-server' && <ScopePicker value={scope} onChange={setScope} disabled={busy !== undefined} />}
          <button type="button" className="primary" onClick={() => void run('connect', scope)} disabled={busy !== undefined}>
            {busy === 'connect' ? 'Connecting…' : 'Connect'}
          </button>
          <button type="button" onClick={() => void run('test', scope)} disabled={busy !== undefined}>
            {busy === 'test' ? 'Testing…' : 'Test credential'}
          </button>
        </div>
        {repo.auth.mode === 'token-server' && <RealmApprovalLine repo={repo} />}
      </section>
      {outcome ? (
        <FlowOutcomeView outcome={outcome} approving={busy === 'approve'} onApprove={(origin) => void approveAndRetry(origin, outcome.scope)} />
      ) : (
        <EmptyState title="Not connected yet" testId="connection-empty">
          <p>
            Press <strong>Connect</strong> to run the flow against this repo and see each step, or <strong>Test credential</strong> to check the stored secret.
          </p>
        </EmptyState>
      )}
      <CredentialPanel repo={repo} keychain={keychain} onKeychain={onKeychain} />
    </div>
  );
}
