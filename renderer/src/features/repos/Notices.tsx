import { useState } from 'react';
import { api } from '../../api/client';
import { useAsync } from '../../hooks/useAsync';
import { formatLocalTime } from '../../components/time-format';
import './banners.css';

/**
 * The core's notices about the user's data (a recovered repo list, an unreadable vault), each
 * dismissable. Asked again whenever `refreshKey` changes (the repo list loaded or changed).
 */
export function Notices({ refreshKey }: { refreshKey: string }) {
  const [notices] = useAsync(() => api.listNotices({}), refreshKey);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  if (notices.status !== 'ready') return null;
  const shown = notices.value.filter((n) => !dismissed.has(n.id));
  if (shown.length === 0) return null;
  return (
    <div className="notices" data-testid="notices">
      {shown.map((notice) => (
        <section key={notice.id} className={`banner ${notice.level === 'warning' ? 'banner-warn' : 'banner-info'}`} aria-label="Notice">
          <span className="banner-icon" aria-hidden="true">
            {notice.level === 'warning' ? '⚠' : 'ℹ'}
          </span>
          <div className="banner-text">
            <p>{notice.message}</p>
            <p className="banner-detail">{formatLocalTime(notice.at)}</p>
          </div>
          <div className="banner-actions">
            <button type="button" className="small" onClick={() => setDismissed((s) => new Set([...s, notice.id]))}>
              Dismiss
            </button>
          </div>
        </section>
      ))}
    </div>
  );
}
