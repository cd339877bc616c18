import { useCallback, useState } from 'react';
import { api } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { toProblem } from '../../components/problem';
import { useToasts } from '../../components/Toasts';
import { SHORTCUTS, useShortcut } from '../../hooks/useShortcut';
import { LazyDialog } from '../../lazy/LazyDialog';
import { ChartDetailPane } from './ChartDetailPane';
import { ChartListPane } from './ChartListPane';
import { forgetIcons } from './iconLoader';
import { IndexBar } from './IndexBar';
import { AddChartDialog, DeleteVersionDialog, PushDialogs } from './lazy';
import { PushButton, PushDropZone } from './PushDropZone';
import type { ChartsRoute, RepoInfo } from './types';
import { useChartIndex } from './useChartIndex';
import { useFillHeight } from './useFillHeight';
import { pushNeedsDialog, usePushChart } from './usePushChart';
import './charts.css';
import './chart-detail.css';
import './chart-diff.css';
import './readme.css';

/** The Charts tab of a repo: its index, a searchable chart list, chart and version views, push and delete; `initialChart` opens on that chart. */
export function ChartsTab({ repo, initialChart }: { repo: RepoInfo; initialChart?: string }) {
  return <ChartsWorkspace key={repo.id} repo={repo} initialChart={initialChart} />;
}

function ChartsWorkspace({ repo, initialChart }: { repo: RepoInfo; initialChart?: string | undefined }) {
  const [index, refreshIndex] = useChartIndex(repo.id);
  const [route, setRoute] = useState<ChartsRoute>(initialChart ? { view: 'chart', chart: initialChart } : { view: 'none' });
  const [deleting, setDeleting] = useState<{ chart: string; version: string }>();
  const toasts = useToasts();
  const [body, setBody] = useState<HTMLDivElement | null>(null);
  const bodyHeight = useFillHeight(body, 440);

  const refresh = useCallback(async () => {
    forgetIcons(repo.id);
    await refreshIndex();
  }, [repo.id, refreshIndex]);
  // Registered even while loading, so Ctrl/Cmd+R never falls through to reloading the window.
  useShortcut(SHORTCUTS.refresh, () => {
    if (!index.loading) void refresh();
  });

  const onPushed = useCallback(
    (result: { name: string; version: string; forced: boolean; signedBy?: { userId: string } | undefined }) => {
      toasts.show(`${result.forced ? 'Overwrote' : 'Pushed'} ${result.name} ${result.version}${result.signedBy ? `, signed by ${result.signedBy.userId}` : ''}.`, 'ok');
      void refresh().then(() => setRoute({ view: 'chart', chart: result.name }));
    },
    [refresh, toasts],
  );
  const push = usePushChart(repo.id, onPushed);

  const onDeleted = async (chart: string, version: string) => {
    setDeleting(undefined);
    toasts.show(`Deleted ${chart} ${version}.`, 'ok');
    await refresh();
    const stillThere = await api.getChart({ repoId: repo.id, name: chart, limit: 1 }).then(
      () => true,
      () => false,
    );
    setRoute(stillThere ? { view: 'chart', chart } : { view: 'none' });
  };

  const openChart = useCallback((chart: string) => setRoute({ view: 'chart', chart }), []);
  const selected = route.view === 'none' ? undefined : route.chart;
  const pushing = push.state.status === 'pushing';
  // What the repo allows (ChartMuseum and registries take pushes; a static index is read-only) and how its charts are found.
  const canPush = index.summary?.capabilities.push === true;
  const canDelete = index.summary?.capabilities.delete === true;
  const byName = index.summary !== undefined && index.summary.discovery !== 'index';
  const [addingChart, setAddingChart] = useState(false);
  const emptyHint = byName
    ? 'Add a chart by name (Add chart…), or push one: drop a .tgz here or use “Push chart…”.'
    : canPush
      ? 'Push a packaged chart: drop a .tgz here or use “Push chart…”.'
      : 'Charts appear here when the repository’s index lists them.';
  const actions = (
    <>
      {byName && (
        <button type="button" onClick={() => setAddingChart(true)} data-testid="add-chart">
          Add chart…
        </button>
      )}
      {canPush && <PushButton onFile={(file) => void push.push(file)} busy={pushing} />}
    </>
  );

  return (
    <div className="charts-tab" data-testid="charts-tab">
      <IndexBar index={index} onRefresh={() => void refresh()} actions={actions} />
      {index.error && (
        <ErrorBox problem={toProblem(index.error)} title={index.summary ? 'Could not refresh the index' : 'Could not open the index'} testId="index-error">
          <button type="button" onClick={() => void refresh()}>
            Try again
          </button>
        </ErrorBox>
      )}
      {(index.summary || index.loading) && (
        <div className="charts-body" ref={setBody} style={bodyHeight ? { height: bodyHeight } : undefined}>
          <PushDropZone repoName={repo.name} onFile={(file) => void push.push(file)} disabled={pushing || !canPush}>
            <ChartListPane repoId={repo.id} generation={index.generation} selectedName={selected} onOpen={openChart} emptyHint={emptyHint} preview={index.progress?.preview} />
            {pushing && (
              <div className="push-status" role="status">
                Pushing {push.state.status === 'pushing' ? push.state.fileName : ''}…
              </div>
            )}
          </PushDropZone>
          <ChartDetailPane repo={repo} route={route} generation={index.generation} empty={index.summary?.chartCount === 0} fromRegistry={index.summary?.kind === 'oci'} onRoute={setRoute} onDelete={canDelete ? (chart, version) => setDeleting({ chart, version }) : undefined} />
        </div>
      )}
      {pushNeedsDialog(push.state) && (
        <LazyDialog onClose={push.dismiss}>
          <PushDialogs state={push.state} repoName={repo.name} onOverwrite={push.overwrite} onDismiss={push.dismiss} onSign={push.pushSigned} />
        </LazyDialog>
      )}
      {addingChart && (
        <LazyDialog onClose={() => setAddingChart(false)}>
          <AddChartDialog
            repoId={repo.id}
            location={repo.url}
            onClose={() => setAddingChart(false)}
            onAdded={(chart) => {
              setAddingChart(false);
              toasts.show(`Added ${chart}.`, 'ok');
              void refresh().then(() => setRoute({ view: 'chart', chart }));
            }}
          />
        </LazyDialog>
      )}
      {deleting && (
        <LazyDialog onClose={() => setDeleting(undefined)}>
          <DeleteVersionDialog
            repoId={repo.id}
            repoName={repo.name}
            chart={deleting.chart}
            version={deleting.version}
            onCancel={() => setDeleting(undefined)}
            onDeleted={() => void onDeleted(deleting.chart, deleting.version)}
          />
        </LazyDialog>
      )}
    </div>
  );
}
