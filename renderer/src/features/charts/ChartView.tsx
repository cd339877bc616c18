import { useState } from 'react';
import { api } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { toProblem } from '../../components/problem';
import { Loading } from '../../components/States';
import { useAsync } from '../../hooks/useAsync';
import { ChartIcon } from './ChartIcon';
import { ChartMeta } from './ChartMeta';
import { CompareControl } from './CompareControl';
import { plural } from './format';
import { InstallSnippet } from './InstallSnippet';
import { FIRST_ROWS, VersionsTable } from './VersionsTable';
import type { ChartDetail, RepoInfo } from './types';

/** Props of the chart view. */
export interface ChartViewProps {
  repo: RepoInfo;
  name: string;
  generation: number;
  onOpenVersion: (version: string) => void;
  onCompare: (from: string, to: string) => void;
  /** Absent for a read-only (static) repo: the versions table has no Delete buttons. */
  onDelete?: (version: string) => void;
}

/** One chart: its header, install snippet, versions table (Helm order) and metadata of the newest version. */
export function ChartView({ repo, name, generation, onOpenVersion, onCompare, onDelete }: ChartViewProps) {
  const chartKey = `${repo.id}\n${name}`;
  // The newest FIRST_ROWS versions are decoded at first; "Show all" asks again for every one (kept across refreshes of this chart).
  // Only the newest is read whole (its metadata shows beside the table); the rest need just their row.
  const [allFor, setAllFor] = useState<string>();
  const all = allFor === chartKey;
  const [state, reload] = useAsync(
    () => api.getChart(all ? { repoId: repo.id, name, detailed: 1 } : { repoId: repo.id, name, limit: FIRST_ROWS, detailed: 1 }),
    `${chartKey}\n${generation}\n${all ? 'all' : FIRST_ROWS}`,
  );
  // After a refresh the chart reloads; keep showing what was there instead of flashing a loading line.
  const [shown, setShown] = useState<ChartDetail>();
  if (state.status === 'ready' && state.value !== shown) setShown(state.value);
  const previous = shown?.name === name ? shown : undefined;
  if (state.status === 'loading' && !previous) return <Loading label={`Loading ${name}…`} />;
  if (state.status === 'error') {
    return (
      <ErrorBox problem={toProblem(state.error)} title={`Could not show ${name}`}>
        <button type="button" onClick={reload}>
          Try again
        </button>
      </ErrorBox>
    );
  }
  const chart = state.status === 'ready' ? state.value : previous;
  if (!chart) return null;
  const newest = chart.versions[0];
  return (
    <article className="chart-view" data-testid="chart-view" aria-labelledby="chart-view-title">
      <header className="chart-head">
        <ChartIcon key={name} repoId={repo.id} name={name} size={56} />
        <div className="chart-head-text">
          <h2 id="chart-view-title">
            {chart.name}
            {chart.summary.deprecated && <span className="badge badge-deprecated">deprecated</span>}
            {chart.summary.type === 'library' && <span className="badge">library</span>}
          </h2>
          <p className="chart-head-desc">{chart.summary.description || <span className="muted">No description.</span>}</p>
          <p className="chart-head-facts muted">
            Latest <span className="mono">{chart.summary.latestVersion}</span>
            {chart.summary.appVersion && (
              <>
                {' '}· app <span className="mono">{chart.summary.appVersion}</span>
              </>
            )}{' '}
            · {plural(chart.allVersions.length, 'version')}
          </p>
        </div>
      </header>
      {chart.warnings.length > 0 && (
        <details className="index-warnings">
          <summary>
            <span className="badge badge-warn">{plural(chart.warnings.length, 'warning')}</span> about this chart's entries
          </summary>
          <ul>
            {chart.warnings.map((w, i) => (
              <li key={i}>{w.version ? `${w.version}: ${w.message}` : w.message}</li>
            ))}
          </ul>
        </details>
      )}
      <div className="chart-columns">
        <div className="chart-main">
          <InstallSnippet install={chart.install} version={chart.summary.latestVersion} />
          <div className="section-head">
            <h3>Versions</h3>
            <CompareControl key={`${name}\n${chart.allVersions.length}\n${chart.allVersions[0] ?? ''}`} versions={chart.allVersions} onCompare={onCompare} />
          </div>
          <VersionsTable
            versions={chart.versions}
            total={chart.allVersions.length}
            onShowAll={() => setAllFor(chartKey)}
            loadingAll={all && state.status === 'loading'}
            onOpen={onOpenVersion}
            onDelete={onDelete}
          />
          {chart.otherTags && chart.otherTags.length > 0 && (
            <p className="other-tags" data-testid="other-tags">
              <span className="muted">Other tags (not chart versions): </span>
              {chart.otherTags.slice(0, 50).map((tag) => (
                <code key={tag}>{tag}</code>
              ))}
              {chart.otherTags.length > 50 && <span className="muted">and {chart.otherTags.length - 50} more</span>}
            </p>
          )}
        </div>
        <aside className="chart-side" aria-label="About this chart">
          {newest && <ChartMeta version={newest} />}
        </aside>
      </div>
    </article>
  );
}
