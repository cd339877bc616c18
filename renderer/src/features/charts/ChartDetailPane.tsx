import { useEffect, useRef } from 'react';
import { LazyBoundary } from '../../lazy/LazyBoundary';
import { ChartView } from './ChartView';
import { DetailLoading } from './DetailLoading';
import { ValuesDiffView, VersionView } from './lazy';
import type { ChartsRoute, RepoInfo } from './types';

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

/** Props of the detail pane. */
export interface ChartDetailPaneProps {
  repo: RepoInfo;
  route: ChartsRoute;
  generation: number;
  /** True when the index has no charts (the placeholder then says so). */
  empty: boolean;
  onRoute: (route: ChartsRoute) => void;
  /** Absent for a read-only (static) repo: no delete buttons and no push hint. */
  onDelete?: (chart: string, version: string) => void;
  /** True for an OCI registry: versions show how they are stored (manifest, layers). */
  fromRegistry?: boolean;
}

/** The right pane: a hint, a chart, one of its versions, or a values comparison. */
export function ChartDetailPane({ repo, route, generation, empty, onRoute, onDelete, fromRegistry = false }: ChartDetailPaneProps) {
  const pane = useRef<HTMLElement>(null);
  const routeKey = JSON.stringify(route);
  useEffect(() => {
    pane.current?.scrollTo({ top: 0 });
  }, [routeKey]);
  return (
    <section className="charts-detail" aria-label="Chart details" ref={pane}>
      {route.view === 'none' && (
        <div className="detail-placeholder" data-testid="chart-placeholder">
          <h2>{empty ? 'Nothing to browse yet' : 'Pick a chart'}</h2>
          <p className="muted">
            {empty ? 'When the repo has charts, their versions, values and README show here.' : 'Its versions, values, README and the helm commands to install it show here.'}
          </p>
          <ul className="shortcut-hints">
            <li>
              <kbd>{isMac ? '⌘' : 'Ctrl'}</kbd> <kbd>K</kbd> search
            </li>
            <li>
              <kbd>↑</kbd> <kbd>↓</kbd> move, <kbd>Enter</kbd> open
            </li>
            <li>
              <kbd>{isMac ? '⌘' : 'Ctrl'}</kbd> <kbd>R</kbd> refresh the index
            </li>
            {onDelete && <li>Drop a .tgz on the list to push it</li>}
          </ul>
        </div>
      )}
      {route.view === 'chart' && (
        <ChartView
          repo={repo}
          name={route.chart}
          generation={generation}
          onOpenVersion={(version) => onRoute({ view: 'version', chart: route.chart, version })}
          onCompare={(from, to) => onRoute({ view: 'diff', chart: route.chart, from, to })}
          onDelete={onDelete && ((version) => onDelete(route.chart, version))}
        />
      )}
      {route.view === 'version' && (
        <LazyBoundary key={routeKey} fallback={<DetailLoading>Opening {route.chart} {route.version}…</DetailLoading>}>
          <VersionView
            repoId={repo.id}
            chart={route.chart}
            version={route.version}
            onBack={() => onRoute({ view: 'chart', chart: route.chart })}
            onDelete={onDelete && (() => onDelete(route.chart, route.version))}
            fromRegistry={fromRegistry}
          />
        </LazyBoundary>
      )}
      {route.view === 'diff' && (
        <LazyBoundary key={routeKey} fallback={<DetailLoading>Opening the values comparison…</DetailLoading>}>
          <ValuesDiffView repoId={repo.id} chart={route.chart} from={route.from} to={route.to} onBack={() => onRoute({ view: 'chart', chart: route.chart })} />
        </LazyBoundary>
      )}
    </section>
  );
}
