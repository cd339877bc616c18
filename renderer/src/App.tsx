import { useCallback, useState } from 'react';
import { transportKind } from './api/client';
import { ToastProvider } from './components/Toasts';
import { openIndexEarly } from './features/charts/earlyIndexOpen';
import { KeychainBanner } from './features/repos/KeychainBanner';
import { Notices } from './features/repos/Notices';
import { RepoSidebar } from './features/repos/RepoSidebar';
import { RepoWorkspace } from './features/repos/RepoWorkspace';
import { useRepoNavigation } from './features/repos/useRepoNavigation';
import { AllReposView } from './features/search/lazy';
import { SearchPalette } from './features/search/SearchPalette';
import type { KeychainStatus } from './features/repos/types';
import { useAppInfo } from './features/repos/useAppInfo';
import { useRepos } from './features/repos/useRepos';
import { JwtInspector } from './features/tokens/lazy';
import { SettingsView } from './features/settings/lazy';
import { useSettingsShell } from './features/settings/useSettingsShell';
import { AppDialogs, type OpenDialog } from './layout/AppDialogs';
import { StatusBar } from './layout/StatusBar';
import { TitleBar, type View } from './layout/TitleBar';
import { Welcome } from './layout/Welcome';
import { LazyBoundary } from './lazy/LazyBoundary';
import './layout/layout.css';

/** The ChartDesk window: title bar, banners, repo list on the left, the selected repo or the JWT inspector, status bar. */
export function App() {
  const { info, recheck, noteKeychain } = useAppInfo();
  const { state: repos, reload, reorder } = useRepos();
  const [selectedId, setSelectedId] = useState<string>();
  const [view, setView] = useState<View>('repos');
  // Each repo keeps its last tab for the session; a new repo opens on its charts.
  const nav = useRepoNavigation();
  const [dialog, setDialog] = useState<OpenDialog>();
  const settings = useSettingsShell(useCallback(() => setView('settings'), []));
  const list = repos.status === 'ready' ? repos.value : [];
  // Keep a repo selected while there are any (the first one, or the first after a removal).
  const selected = list.find((r) => r.id === selectedId) ?? list[0];
  const keychain = info.status === 'ready' ? info.value.keychain : undefined;
  const sessionOnly = keychain !== undefined && keychain.state !== 'available';

  const select = (repoId: string) => {
    // A repo that opens on its charts starts reading its index before the tab is drawn.
    if (nav.tabOf(repoId) === 'charts') openIndexEarly(repoId);
    setSelectedId(repoId);
    setView('repos');
  };
  const openChart = (repoId: string, chart: string) => {
    nav.openChart(repoId, chart);
    select(repoId);
  };
  const onKeychain = (status?: KeychainStatus) => (status ? noteKeychain(status) : recheck());

  return (
    <ToastProvider>
      <div className="app" data-testid="app-shell" data-transport={transportKind}>
        <TitleBar view={view} onView={setView} />
        <div className="banners">
          <KeychainBanner status={keychain} onRecheck={recheck} />
          <Notices refreshKey={repos.status === 'ready' ? `ready:${list.length}` : repos.status} />
        </div>
        <RepoSidebar
          state={repos}
          selectedId={view === 'repos' ? selected?.id : undefined}
          keychain={keychain}
          onSelect={select}
          onAdd={() => setDialog({ kind: 'add' })}
          onImport={() => setDialog({ kind: 'import' })}
          onRetry={reload}
          onReorder={reorder}
          onRecheckKeychain={recheck}
          allReposSelected={view === 'all-repos'}
          onAllRepos={() => setView('all-repos')}
        />
        <main className="content">
          {/* Keyed by view: a view whose code failed to load is tried again when the user comes back to it. */}
          <LazyBoundary key={view}>
            {view === 'inspector' ? (
              <JwtInspector />
            ) : view === 'settings' ? (
              <SettingsView settings={settings} onKeychainChanged={recheck} />
            ) : view === 'all-repos' ? (
              <AllReposView onOpenChart={openChart} />
            ) : selected ? (
              <RepoWorkspace
                key={selected.id}
                repo={selected}
                tab={nav.tabOf(selected.id)}
                onTab={(tab) => nav.setTab(selected.id, tab)}
                openChart={nav.requestFor(selected.id)}
                keychain={keychain}
                onKeychain={noteKeychain}
                onEdit={() => setDialog({ kind: 'edit', repo: selected })}
                onExport={() => setDialog({ kind: 'export', repo: selected })}
                onRemove={() => setDialog({ kind: 'remove', repo: selected })}
              />
            ) : (
              <Welcome hasRepos={list.length > 0} sessionOnly={sessionOnly} onAdd={() => setDialog({ kind: 'add' })} onImport={() => setDialog({ kind: 'import' })} />
            )}
          </LazyBoundary>
        </main>
        <SearchPalette onOpenChart={openChart} />
        <StatusBar info={info} repoName={view === 'repos' ? selected?.name : undefined} />
        <AppDialogs
          dialog={dialog}
          sessionOnly={sessionOnly}
          onClose={() => setDialog(undefined)}
          onSaved={(repo) => {
            setDialog(undefined);
            select(repo.id);
          }}
          onRemoved={() => setDialog(undefined)}
          onKeychain={onKeychain}
        />
      </div>
    </ToastProvider>
  );
}
