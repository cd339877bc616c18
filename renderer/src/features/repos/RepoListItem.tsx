import type { DragEvent, KeyboardEvent } from 'react';
import type { Repo } from './types';

const MODE_BADGE: Record<Repo['auth']['mode'], string> = { none: 'public', basic: 'basic', bearer: 'token', 'token-server': 'token server', 'identity-token': 'identity token' };

/** Props of one row of the repo list. */
export interface RepoListItemProps {
  repo: Repo;
  selected: boolean;
  /** The one repo Tab stops at (the selected one, else the first): arrows move within the list. */
  tabbable: boolean;
  first: boolean;
  last: boolean;
  onSelect: () => void;
  onMove: (delta: number) => void;
  onFocusSibling: (delta: number) => void;
  onDropOn: (draggedId: string) => void;
  buttonRef: (el: HTMLButtonElement | null) => void;
}

/** One repo in the sidebar: select by click or Enter, move with Alt+↑/↓, the arrow buttons or drag and drop. */
export function RepoListItem({ repo, selected, tabbable, first, last, onSelect, onMove, onFocusSibling, onDropOn, buttonRef }: RepoListItemProps) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    event.preventDefault();
    const delta = event.key === 'ArrowUp' ? -1 : 1;
    if (event.altKey) onMove(delta);
    else onFocusSibling(delta);
  };
  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData('application/x-chartdesk-repo', repo.id);
    event.dataTransfer.effectAllowed = 'move';
  };
  const onDrop = (event: DragEvent) => {
    const dragged = event.dataTransfer.getData('application/x-chartdesk-repo');
    if (dragged && dragged !== repo.id) onDropOn(dragged);
  };
  return (
    <li className={`repo-item${selected ? ' is-selected' : ''}`} draggable onDragStart={onDragStart} onDragOver={(e) => e.preventDefault()} onDrop={onDrop} data-testid="repo-item" data-repo-id={repo.id}>
      <button
        ref={buttonRef}
        type="button"
        className="repo-item-main"
        tabIndex={tabbable ? 0 : -1}
        aria-current={selected ? 'true' : undefined}
        aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
        aria-description="Alt+Up or Alt+Down moves it in the list."
        onClick={onSelect}
        onKeyDown={onKeyDown}
      >
        <span className="repo-item-top">
          <span className="repo-name">{repo.name}</span>
          <span className={`repo-badge kind-${repo.kind}`} title={repo.kind === 'oci' ? 'An OCI registry namespace' : 'A chart repo with an index.yaml'} data-testid="repo-kind">
            {repo.kind === 'oci' ? 'OCI' : 'HTTP'}
          </span>
          <span className={`repo-badge mode-${repo.auth.mode}`}>{MODE_BADGE[repo.auth.mode]}</span>
        </span>
        <span className="repo-url">{repo.url}</span>
      </button>
      <span className="repo-item-moves">
        <button type="button" className="icon-button" tabIndex={-1} aria-label={`Move ${repo.name} up`} disabled={first} onClick={() => onMove(-1)}>
          ↑
        </button>
        <button type="button" className="icon-button" tabIndex={-1} aria-label={`Move ${repo.name} down`} disabled={last} onClick={() => onMove(1)}>
          ↓
        </button>
      </span>
    </li>
  );
}
