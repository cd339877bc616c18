import { formatBytes } from './format';
import type { IndexLoadProgress } from './useChartIndex';

/**
 * The index download as a progress bar: bytes of total when the server sent a length, else indeterminate.
 * `compact` draws only a thin line (a refresh under the index facts), the label stays for assistive technology.
 */
export function IndexProgressBar({ progress, compact = false }: { progress?: IndexLoadProgress; compact?: boolean }) {
  const total = progress?.totalBytes;
  const received = progress?.receivedBytes ?? 0;
  const parsing = progress?.phase === 'parse' || progress?.phase === 'done';
  const determinate = progress?.charts ? progress.charts.total > 0 : !parsing && total !== undefined && total > 0;
  const percent = progress?.charts ? (progress.charts.total > 0 ? Math.round((progress.charts.done / progress.charts.total) * 100) : undefined) : determinate && total ? Math.min(100, Math.round((received / total) * 100)) : undefined;
  const charts = progress?.charts;
  const label = charts
    ? `Reading charts from the registry… ${charts.done} of ${charts.total}`
    : parsing
    ? `Reading ${formatBytes(received)} of chart entries…`
    : progress
      ? `Downloading index… ${formatBytes(received)}${total ? ` of ${formatBytes(total)}` : ''}`
      : 'Contacting the repository…';
  return (
    <div className={`index-progress${compact ? ' compact' : ''}`} data-testid="index-progress">
      <div
        className={`progress-track${determinate ? '' : ' indeterminate'}`}
        role="progressbar"
        aria-label="Loading the chart index"
        aria-valuemin={0}
        aria-valuemax={determinate ? 100 : undefined}
        aria-valuenow={percent}
        aria-valuetext={label}
      >
        <div className="progress-fill" style={determinate ? { width: `${percent}%` } : undefined} />
      </div>
      <span className={compact ? 'visually-hidden' : 'index-progress-label muted'}>{label}</span>
    </div>
  );
}
