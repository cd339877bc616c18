import { useEffect, useId, useRef, type ReactNode } from 'react';
import './components.css';

/** Props of Dialog. */
export interface DialogProps {
  /** The heading, also the dialog's accessible name. */
  title: string;
  /** Called on Escape and on the close button (unless `busy`); a stray backdrop click does not close. */
  onClose: () => void;
  children: ReactNode;
  /** Buttons along the bottom edge (Cancel, Save…). */
  footer?: ReactNode;
  /** While true the dialog cannot be dismissed (a request is running). */
  busy?: boolean;
  /** Width: 'sm' 420px, 'md' 560px (default), 'lg' 760px. */
  size?: 'sm' | 'md' | 'lg';
  testId?: string;
}

/**
 * A modal dialog on the native <dialog> element: the browser traps focus and blocks the page,
 * Escape closes it. Mount it to open it (`{open && <Dialog …/>}`); unmount to close.
 */
export function Dialog({ title, onClose, children, footer, busy = false, size = 'md', testId }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const closeRef = useRef(onClose);
  const busyRef = useRef(busy);
  useEffect(() => {
    closeRef.current = onClose;
    busyRef.current = busy;
  });
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    if (!dialog.open) dialog.showModal();
    const onCancel = (event: Event) => {
      event.preventDefault();
      if (!busyRef.current) closeRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
    };
  }, []);
  return (
    <dialog ref={ref} className={`dialog dialog-${size}`} aria-labelledby={titleId} data-testid={testId}>
      <header className="dialog-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button" aria-label="Close" onClick={onClose} disabled={busy}>
          ×
        </button>
      </header>
      <div className="dialog-body">{children}</div>
      {footer && <footer className="dialog-footer">{footer}</footer>}
    </dialog>
  );
}
