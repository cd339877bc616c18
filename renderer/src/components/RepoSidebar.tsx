import type { MethodOutput } from '../../../electron/contract';
import type { AsyncState } from '../hooks/useAsync';

type Repos = MethodOutput<'listRepos'>;

/** The list of configured repos, with its empty, loading and error states. */
export function RepoSidebar({ state, onRetry }: { state: AsyncState<Repos>; onRetry: () => void }) {
  return (
    <nav className="sidebar" aria-label="Repositories">
      <h2>Repositories</h2>
      {state.status === 'loading' && <p className="muted">Loading…</p>}
      {state.status === 'error' && (
        <div role="alert" className="error">
          <p>Could not load your repositories: {state.error.message}</p>
          <button onClick={onRetry}>Try again</button>
        </div>
      )}
      {state.status === 'ready' && state.value.length === 0 && (
        <div className="empty" data-testid="repos-empty">
          <p>No repositories yet.</p>
          <p className="muted">Add a chart repository to browse its charts and fetch tokens.</p>
        </div>
      )}
      {state.status === 'ready' && state.value.length > 0 && (
        <ul className="repo-list">
          {state.value.map((repo) => (
            <li key={repo.id}>
              <span className="repo-name">{repo.name}</span>
              <span className="repo-url muted">{repo.url}</span>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
