import { useRef, useState, type DragEvent, type ReactNode } from 'react';

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer.types).includes('Files');
}

/** Wraps the chart list so a .tgz dropped on it is pushed; shows a drop target while dragging. */
export function PushDropZone({ repoName, onFile, disabled, children }: { repoName: string; onFile: (file: File) => void; disabled: boolean; children: ReactNode }) {
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  return (
    <div
      className={`push-drop-zone${over ? ' over' : ''}`}
      data-testid="push-drop-zone"
      onDragEnter={(event) => {
        if (disabled || !hasFiles(event)) return;
        event.preventDefault();
        depth.current++;
        setOver(true);
      }}
      onDragOver={(event) => {
        if (disabled || !hasFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      }}
      onDrop={(event) => {
        if (disabled || !hasFiles(event)) return;
        event.preventDefault();
        depth.current = 0;
        setOver(false);
        const file = event.dataTransfer.files[0];
        if (file) onFile(file);
      }}
    >
      {children}
      {over && (
        <div className="push-drop-overlay" aria-hidden="true">
          <div>
            <strong>Drop to push</strong>
            <span>the .tgz goes to {repoName}</span>
          </div>
        </div>
      )}
    </div>
  );
}

/** A "Push chart…" button that opens the file picker for a .tgz. */
export function PushButton({ onFile, busy }: { onFile: (file: File) => void; busy: boolean }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" onClick={() => input.current?.click()} disabled={busy} data-testid="push-button" title="Push a .tgz to this repo (or drop one on the list)">
        {busy ? 'Pushing…' : 'Push chart…'}
      </button>
      <input
        ref={input}
        type="file"
        accept=".tgz,.tar.gz,application/gzip"
        hidden
        data-testid="push-file-input"
        aria-label="Chart package to push"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
