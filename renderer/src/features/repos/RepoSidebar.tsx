import { useEffect, useRef } from 'react';
import { ErrorBox } from '../../components/ErrorBox';
import { toProblem } from '../../components/problem';
import { Loading } from '../../components/States';
import { useToasts } from '../../components/Toasts';
import type { AsyncState } from '../../hooks/useAsync';
import { KeychainPill } from './KeychainPill';
import { moveBefore, moveId } from './reorder';
import { RepoListItem } from './RepoListItem';
import { AllReposEntry } from '../search/AllReposEntry';
import type { KeychainStatus, Repo } from './types';
import './sidebar.css';

const NO_REPOS: Repo[] = [];

/** Props of RepoSidebar. */
export interface RepoSidebarProps {
  state: AsyncState<Repo[]>;
  selectedId: string | undefined;
  keychain: KeychainStatus | undefined;
  onSelect: (repoId: string) => void;
  onAdd: () => void;
  onImport: () => void;
  onRetry: () => void;
  /** Saves a new order (shown at once); rejects when it could not be saved. */
  onReorder: (repoIds: string[]) => Promise<void>;
  onRecheckKeychain: () => void;
  /** The "All repositories" entry: the search over every repo. */
  onAllRepos?: () => void;
  allReposSelected?: boolean;
}

/** The repo list with add/import, keyboard and drag reordering, and the keychain status at the bottom. */
export function RepoSidebar({ state, selectedId, keychain, onSelect, onAdd, onImport, onRetry, onReorder, onRecheckKeychain, onAllRepos, allReposSelected = false }: RepoSidebarProps) {
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const focusAfterMove = useRef<string>(undefined);
  const toasts = useToasts();
  const repos = state.status === 'ready' ? state.value : NO_REPOS;
  useEffect(() => {
    // Moving a row re-inserts its DOM node, which drops focus: give it back once.
    if (focusAfterMove.current) buttons.current.get(focusAfterMove.current)?.focus();
    focusAfterMove.current = undefined;
  }, [repos]);

  const reorder = (ids: string[], movedId: string) => {
    focusAfterMove.current = movedId;
    onReorder(ids).catch((error: unknown) => toasts.show(`The new order was not saved: ${toProblem(error).message}`, 'error'));
  };
  const ids = repos.map((r) => r.id);

  return (
    <nav className="sidebar" aria-label="Repositories">
      <div className="sidebar-head">
        <h2>Repositories</h2>
        <div className="sidebar-actions">
          <button type="button" className="small" onClick={onImport} title="Import Helm’s repositories.yaml">
            Import
          </button>
          <button type="button" className="small primary" onClick={onAdd}>
            + Add
          </button>
        </div>
      </div>
      <div className="sidebar-body">
        {onAllRepos && repos.length > 0 && <AllReposEntry selected={allReposSelected} onClick={onAllRepos} />}
        {state.status === 'loading' && <Loading label="Loading repositories…" />}
        {state.status === 'error' && (
          <ErrorBox problem={toProblem(state.error)} title="Could not load your repositories">
            <button type="button" onClick={onRetry}>
              Try again
            </button>
          </ErrorBox>
        )}
        {state.status === 'ready' && repos.length === 0 && (
          <div className="sidebar-empty" data-testid="repos-empty">
            <p>No repositories yet.</p>
            <p className="muted">Add a chart repository, or import the ones Helm already knows.</p>
          </div>
        )}
        {repos.length > 0 && (
          <ul className="repo-list" aria-label="Repository list">
            {repos.map((repo, i) => (
              <RepoListItem
                key={repo.id}
                repo={repo}
                selected={repo.id === selectedId}
                tabbable={repo.id === selectedId || (i === 0 && !repos.some((r) => r.id === selectedId))}
                first={i === 0}
                last={i === repos.length - 1}
                onSelect={() => onSelect(repo.id)}
                onMove={(delta) => reorder(moveId(ids, repo.id, delta), repo.id)}
                onFocusSibling={(delta) => buttons.current.get(ids[i + delta] ?? '')?.focus()}
                onDropOn={(dragged) => reorder(moveBefore(ids, dragged, repo.id), dragged)}
                buttonRef={(el) => (el ? buttons.current.set(repo.id, el) : buttons.current.delete(repo.id))}
              />
            ))}
          </ul>
        )}
      </div>
      <KeychainPill status={keychain} onRecheck={onRecheckKeychain} />
    </nav>
  );
}
