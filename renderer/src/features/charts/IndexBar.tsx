import type { ReactNode } from 'react';
import { formatAge, formatBytes, plural } from './format';
import { IndexProgressBar } from './IndexProgressBar';
import { IndexWarnings } from './IndexWarnings';
import type { ChartIndexState } from './useChartIndex';

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

/** The strip above the chart list: load progress, index facts, offline badge, warnings, actions. */
export function IndexBar({ index, onRefresh, actions }: { index: ChartIndexState; onRefresh: () => void; actions?: ReactNode }) {
  const { summary, loading } = index;
  return (
    <div className="index-bar" data-testid="index-bar">
      <div className="index-bar-row">
        <div className="index-facts" aria-live="polite">
          {summary ? (
            <>
              <strong data-testid="index-chart-count">{plural(summary.chartCount, 'chart')}</strong>
              <span className="muted">{plural(summary.versionCount, 'version')}</span>
              {summary.bytes > 0 && <span className="muted">{formatBytes(summary.bytes)}</span>}
              {!summary.capabilities.push && (
                <span className="muted" data-testid="index-read-only" title="This index was not served by ChartMuseum, so charts cannot be pushed or deleted here.">
                  Static repo: read-only
                </span>
              )}
              {summary.discovery !== 'index' && (
                <span className="badge" data-testid="index-discovery" title={summary.discoveryNote}>
                  {summary.discovery === 'catalog' ? 'from the registry’s catalog' : 'charts named by you'}
                </span>
              )}
              {!summary.offline && (
                <span className={summary.stale ? 'badge badge-warn' : 'muted'} title={new Date(summary.fetchedAt).toLocaleString()}>
                  {summary.stale ? `last confirmed ${formatAge(summary.ageMs)}` : `checked ${formatAge(summary.ageMs)}`}
                </span>
              )}
              {summary.offline && (
                <span className="badge badge-offline" data-testid="index-offline" title={summary.offlineReason}>
                  Offline copy from {formatAge(summary.ageMs)}
                </span>
              )}
            </>
          ) : loading ? (
            <IndexProgressBar progress={index.progress} />
          ) : (
            <span className="muted">No index loaded</span>
          )}
        </div>
        <div className="index-actions">
          {actions}
          <button type="button" onClick={onRefresh} disabled={loading} data-testid="index-refresh" title={`Ask the server for a newer index (${isMac ? '⌘' : 'Ctrl+'}R)`}>
            {loading && summary ? 'Refreshing…' : 'Refresh'}
          </button>
        </div>
      </div>
      {loading && summary && <IndexProgressBar progress={index.progress} compact />}
      {summary?.offline && summary.offlineReason && (
        <p className="index-offline-reason" role="status">
          {summary.offlineReason}
        </p>
      )}
      {summary?.discoveryNote && (
        <p className="index-discovery-note muted" data-testid="index-discovery-note">
          {summary.discoveryNote}
        </p>
      )}
      {summary && <IndexWarnings warnings={summary.warnings} count={summary.warningCount} />}
    </div>
  );
}
