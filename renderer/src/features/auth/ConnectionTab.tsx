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

/** What Connect does for each auth mode; `target` is what it asks for (the index, or a registry endpoint). */
const FLOW_WORDS: Record<Repo['auth']['mode'], (target: string) => string> = {
  'token-server': (t) => `Connect asks for ${t} and shows every request: challenge → token → retry.`,
  bearer: (t) => `Connect asks for ${t} with the stored token and shows the request.`,
  basic: (t) => `Connect asks for ${t} with the stored user name and password (to the registry’s token server when it has one) and shows every request.`,
  none: (t) => `Connect asks for ${t} without credentials (a registry may hand out an anonymous token) and shows every request.`,
  'identity-token': (t) => `Connect trades the stored identity token for an access token, asks for ${t} and shows every request.`,
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
              {repo.auth.mode === 'token-server' && ` · dialect ${repo.auth.dialect === 'auto' ? 'auto-detected' : repo.auth.dialect}`}. {FLOW_WORDS[repo.auth.mode](repo.kind === 'oci' ? 'the tags of its first chart (or the registry’s API root)' : 'index.yaml')}
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
