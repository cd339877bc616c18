import type { ReactNode } from 'react';

/** The indeterminate progress bar and sentence shown while a chart version is downloaded and read. */
export function DetailLoading({ children }: { children: ReactNode }) {
  return (
    <div className="detail-loading" role="status">
      <div className="progress-track indeterminate" aria-hidden="true">
        <div className="progress-fill" />
      </div>
      <span className="muted">{children}</span>
    </div>
  );
}
