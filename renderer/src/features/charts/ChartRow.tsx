import { memo } from 'react';
import { ChartIcon } from './ChartIcon';
import { plural } from './format';
import type { ChartSummary } from './types';

const PROBLEM_WORDS: Record<NonNullable<ChartSummary['problem']>['kind'], string> = { 'not-a-chart': 'not a Helm chart', unreadable: 'unreadable', 'no-versions': 'no versions' };

/** Props of one row of the chart list. */
export interface ChartRowProps {
  repoId: string;
  chart: ChartSummary;
  index: number;
  id: string;
  active: boolean;
  selected: boolean;
  onOpen: (index: number) => void;
}

/** One chart in the list: icon, name, latest version, app version, description, deprecation, version count. */
export const ChartRow = memo(function ChartRow({ repoId, chart, index, id, active, selected, onOpen }: ChartRowProps) {
  return (
    <div
      id={id}
      role="option"
      aria-selected={selected}
      data-testid="chart-row"
      data-chart={chart.name}
      className={`chart-row${active ? ' active' : ''}${selected ? ' selected' : ''}${chart.deprecated ? ' deprecated' : ''}${chart.problem ? ' has-problem' : ''}`}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => onOpen(index)}
    >
      <ChartIcon key={chart.name} repoId={repoId} name={chart.name} />
      <div className="chart-row-main">
        <div className="chart-row-title">
          <span className="chart-row-name">{chart.name}</span>
          <span className="chart-row-version mono">{chart.latestVersion}</span>
          {chart.deprecated && <span className="badge badge-deprecated">deprecated</span>}
        </div>
        {chart.pending ? (
          <div className="chart-row-desc muted" data-testid="chart-row-pending">
            Reading its versions…
          </div>
        ) : chart.problem ? (
          <div className="chart-row-desc chart-row-problem" title={chart.problem.message} data-testid="chart-row-problem">
            <span className={`badge ${chart.problem.kind === 'not-a-chart' ? '' : 'badge-warn'}`}>{PROBLEM_WORDS[chart.problem.kind]}</span> {chart.problem.message}
          </div>
        ) : (
          <div className="chart-row-desc" title={chart.description}>
            {chart.description || <span className="muted">No description</span>}
          </div>
        )}
      </div>
      <div className="chart-row-side">
        {chart.appVersion && <span className="chart-row-app" title="App version">app {chart.appVersion}</span>}
        <span className="chart-row-count">{plural(chart.versionCount, 'version')}</span>
      </div>
    </div>
  );
});
