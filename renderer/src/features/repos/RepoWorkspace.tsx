import { CopyButton } from '../../components/CopyButton';
import { TabPanel, Tabs } from '../../components/Tabs';
import { LazyBoundary } from '../../lazy/LazyBoundary';
import { ConnectionTab } from '../auth/lazy';
import { ChartsTab } from '../charts/ChartsTab';
import { TokenTab } from '../tokens/lazy';
import { AUTH_MODE_WORDS, type KeychainStatus, type Repo } from './types';
import type { OpenChartRequest } from './useRepoNavigation';
import './workspace.css';

/** The tabs of a selected repo. */
export type RepoTab = 'charts' | 'connection' | 'token';

const TABS = [
  { id: 'charts', label: 'Charts' },
  { id: 'connection', label: 'Connection' },
  { id: 'token', label: 'Token' },
] as const;

/** Props of RepoWorkspace. */
export interface RepoWorkspaceProps {
  repo: Repo;
  tab: RepoTab;
  onTab: (tab: RepoTab) => void;
  keychain: KeychainStatus | undefined;
  onKeychain: (status: KeychainStatus) => void;
  onEdit: () => void;
  onExport: () => void;
  onRemove: () => void;
  /** A chart to show on the Charts tab (from the search over every repo). */
  openChart?: OpenChartRequest | undefined;
}

/** A selected repo: its header (name, URL, auth, actions) and the Charts / Connection / Token tabs. */
export function RepoWorkspace({ repo, tab, onTab, keychain, onKeychain, onEdit, onExport, onRemove, openChart }: RepoWorkspaceProps) {
  const prefix = `repo-${repo.id}`;
  return (
    <section className="workspace" aria-labelledby={`${prefix}-title`} data-testid="repo-workspace">
      <header className="workspace-head">
        <div className="workspace-title">
          <h2 id={`${prefix}-title`}>{repo.name}</h2>
          <p className="workspace-url">
            <code title={repo.url}>{repo.url}</code>
            <CopyButton label="Copy URL" getText={() => repo.url} className="small ghost" />
          </p>
          <p className="workspace-meta muted">
            <span data-testid="workspace-kind">{repo.kind === 'oci' ? 'OCI registry' : 'Chart repo (index.yaml)'}</span> · {AUTH_MODE_WORDS[repo.auth.mode]}
            {repo.auth.mode !== 'none' && (repo.hasSecret ? ' · secret stored' : ' · no secret stored')}
            {repo.tls.insecureSkipVerify && <span className="badge badge-warn">TLS not verified</span>}
            {repo.kind === 'oci' && repo.tls.plainHttp && <span className="badge">plain HTTP</span>}
            {repo.passCredentialsAll && <span className="badge">credentials to other hosts</span>}
          </p>
        </div>
        <div className="workspace-actions">
          <button type="button" onClick={onEdit}>
            Edit…
          </button>
          <button type="button" onClick={onExport}>
            Helm commands…
          </button>
          <button type="button" className="danger-outline" onClick={onRemove}>
            Remove…
          </button>
        </div>
      </header>
      <Tabs tabs={TABS} selected={tab} onSelect={onTab} label={`${repo.name} views`} idPrefix={prefix} />
      <TabPanel idPrefix={prefix} tabId={tab}>
        <LazyBoundary key={tab}>
          {tab === 'charts' && <ChartsTab key={openChart?.seq ?? 0} repo={repo} {...(openChart ? { initialChart: openChart.chart } : {})} />}
          {tab === 'connection' && <ConnectionTab repo={repo} keychain={keychain} onKeychain={onKeychain} />}
          {tab === 'token' && <TokenTab repo={repo} />}
        </LazyBoundary>
      </TabPanel>
    </section>
  );
}
