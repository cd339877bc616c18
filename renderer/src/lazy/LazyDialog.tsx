import type { ReactNode } from 'react';
import { Dialog } from '../components/Dialog';
import { LazyBoundary } from './LazyBoundary';
import './lazy.css';

/** Where a lazy dialog renders: a small "Loading…" note over the page while its code loads (nothing moves), a dialog saying so if it cannot load. */
export function LazyDialog({ onClose, children }: { onClose: () => void; children: ReactNode }) {
  return (
    <LazyBoundary
      fallback={
        <p className="dialog-pending" role="status">
          Loading…
        </p>
      }
      frame={(failure) => (
        <Dialog title="Could not open this dialog" size="sm" onClose={onClose}>
          {failure}
        </Dialog>
      )}
    >
      {children}
    </LazyBoundary>
  );
}
