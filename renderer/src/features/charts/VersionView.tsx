import { Suspense, useState, type ReactNode } from 'react';
import { api } from '../../api/client';
import { ErrorBox } from '../../components/ErrorBox';
import { TabPanel, Tabs } from '../../components/Tabs';
import { toProblem } from '../../components/problem';
import { Loading } from '../../components/States';
import { useAsync } from '../../hooks/useAsync';
import { CodeView } from './CodeView';
import { DetailLoading } from './DetailLoading';
import { DigestStatus } from './DigestStatus';
import { FileList } from './FileList';
import { ReadmeView } from './lazy';
import { ManifestPanel } from './ManifestPanel';
import { useNoteReadme } from './readme-facts';
import { ProvenanceBadge } from '../provenance/ProvenanceBadge';
import type { ChartVersionContent } from './types';

/** Props of the version view. */
export interface VersionViewProps {
  repoId: string;
  chart: string;
  version: string;
  onBack: () => void;
  /** Absent for a read-only (static) repo: no Delete button. */
  onDelete?: () => void;
  /** True for a registry: a Manifest tab shows how the version is stored. */
  fromRegistry?: boolean;
}

/** The README tab's body: the Markdown renderer is its own chunk, prefetched when idle; if it cannot load, the version view's boundary says so. */
function LazyReadme({ text }: { text: string }) {
  return (
    <Suspense fallback={<Loading label="Loading the README…" />}>
      <ReadmeView text={text} />
    </Suspense>
  );
}

interface ContentTab {
  id: string;
  label: string;
  panel: () => ReactNode;
}

function tabsOf(content: ChartVersionContent, manifest?: () => ReactNode): ContentTab[] {
  return [
    ...(content.readme ? [{ id: 'readme', label: 'README', panel: () => <LazyReadme text={content.readme?.text ?? ''} /> }] : []),
    { id: 'values', label: 'values.yaml', panel: () => <CodeView text={content.valuesYaml} label="values.yaml" testId="values-yaml" /> },
    { id: 'chart', label: 'Chart.yaml', panel: () => <CodeView text={content.chartYaml} label="Chart.yaml" testId="chart-yaml" /> },
    ...(content.valuesSchema !== undefined
      ? [{ id: 'schema', label: 'values.schema.json', panel: () => <CodeView text={content.valuesSchema ?? ''} label="values.schema.json" testId="values-schema" /> }]
      : []),
    { id: 'files', label: `Files (${content.files.length})`, panel: () => <FileList files={content.files} /> },
    ...(manifest ? [{ id: 'manifest', label: 'Manifest', panel: manifest }] : []),
  ];
}

/** The package's contents under a tab strip; README first when there is one. */
function ContentTabs({ content, tab, onTab, manifest }: { content: ChartVersionContent; tab: string; onTab: (id: string) => void; manifest?: () => ReactNode }) {
  const tabs = tabsOf(content, manifest);
  const current = tabs.find((t) => t.id === tab) ?? tabs[0];
  if (!current) return null;
  return (
    <div className="version-tabs">
      <Tabs tabs={tabs} selected={current.id} onSelect={onTab} label="Package contents" idPrefix="chart-version" />
      <TabPanel idPrefix="chart-version" tabId={current.id}>
        {current.panel()}
      </TabPanel>
    </div>
  );
}

/** One downloaded chart version: digest check, README, values, Chart.yaml, schema and file list. */
export function VersionView({ repoId, chart, version, onBack, onDelete, fromRegistry = false }: VersionViewProps) {
  const [state, reload] = useAsync(() => api.openChartVersion({ repoId, name: chart, version }), `${repoId}\n${chart}\n${version}`);
  const [tab, setTab] = useState('readme');
  useNoteReadme(repoId, chart, state.status === 'ready' ? state.value : undefined);
  return (
    <article className="version-view" data-testid="version-view" aria-labelledby="version-view-title">
      <header className="detail-head">
        <button type="button" className="back-button" onClick={onBack} data-testid="back-to-chart">
          ← {chart}
        </button>
        <h2 id="version-view-title">
          {chart} <span className="mono">{version}</span>
        </h2>
        {onDelete && (
          <button type="button" className="danger" onClick={onDelete} data-testid="version-view-delete">
            Delete version…
          </button>
        )}
      </header>
      {state.status === 'loading' && (
        <DetailLoading>
          Downloading and checking {chart}-{version}.tgz…
        </DetailLoading>
      )}
      {state.status === 'error' && (
        <ErrorBox problem={toProblem(state.error)} title={toProblem(state.error).kind === 'digest-mismatch' ? 'Digest mismatch: do not install this package' : `Could not open ${chart} ${version}`} testId="version-error">
          <button type="button" onClick={reload}>
            Try again
          </button>
        </ErrorBox>
      )}
      {state.status === 'ready' && (
        <>
          <DigestStatus content={state.value} />
          <ProvenanceBadge repoId={repoId} chart={chart} version={version} />
          {state.value.warnings.length > 0 && (
            <ul className="version-warnings" aria-label="Warnings about this package">
              {state.value.warnings.map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
          )}
          <ContentTabs content={state.value} tab={tab} onTab={setTab} {...(fromRegistry ? { manifest: () => <ManifestPanel repoId={repoId} chart={chart} version={version} /> } : {})} />
        </>
      )}
    </article>
  );
}
