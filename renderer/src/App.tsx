import iconUrl from '../../build/icon.svg';
import { api, transportKind } from './api/client';
import { useAsync } from './hooks/useAsync';
import { RepoSidebar } from './components/RepoSidebar';
import { StatusBar } from './components/StatusBar';
import { Welcome } from './components/Welcome';

/** The ChartDesk window: repo list on the left, the selected repo on the right, status below. */
export function App() {
  const [info] = useAsync(() => api.appInfo({}), 'app-info');
  const [repos, reloadRepos] = useAsync(() => api.listRepos({}), 'repos');

  return (
    <div className="app" data-testid="app-shell" data-transport={transportKind}>
      <header className="titlebar">
        <img src={iconUrl} alt="" width={22} height={22} />
        <h1>ChartDesk</h1>
      </header>
      <RepoSidebar state={repos} onRetry={reloadRepos} />
      <main className="content">
        <Welcome hasRepos={repos.status === 'ready' && repos.value.length > 0} />
      </main>
      <StatusBar info={info} />
    </div>
  );
}
