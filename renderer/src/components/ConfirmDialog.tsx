import { useState, type ReactNode } from 'react';
import { Dialog } from './Dialog';
import { ErrorBox } from './ErrorBox';
import { toProblem, type Problem } from './problem';
import './components.css';

/**
 * Asks before something that cannot be undone. `onConfirm` runs the work; while it runs the
 * dialog cannot be dismissed, a failure shows in it, success calls `onDone`. Cancel has focus first.
 */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onDone, onClose, testId }: { title: string; children: ReactNode; confirmLabel: string; onConfirm: () => Promise<unknown>; onDone: () => void; onClose: () => void; testId?: string }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const confirm = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      await onConfirm();
      onDone();
    } catch (error) {
      setProblem(toProblem(error));
      setBusy(false);
    }
  };
  const footer = (
    <>
      <button type="button" onClick={onClose} disabled={busy} autoFocus>
        Cancel
      </button>
      <button type="button" className="danger-solid" onClick={confirm} disabled={busy}>
        {busy ? 'Working…' : confirmLabel}
      </button>
    </>
  );
  return (
    <Dialog title={title} onClose={onClose} busy={busy} footer={footer} size="sm" testId={testId}>
      {children}
      {problem && <ErrorBox problem={problem} title="That did not work" />}
    </Dialog>
  );
}
