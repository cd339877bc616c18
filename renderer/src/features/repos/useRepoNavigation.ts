/** Where the user is in each repo for this session: its last tab, and a chart to open (from the search over every repo). */
import { useCallback, useState } from 'react';
import type { RepoTab } from './RepoWorkspace';

/** A request to show a chart in its repo; `seq` tells two requests for the same chart apart. */
export interface OpenChartRequest {
  repoId: string;
  chart: string;
  seq: number;
}

/** The repos' tabs and the pending chart request. */
export interface RepoNavigation {
  /** The repo's last tab; a repo not seen yet (a newly added one) opens on its charts. */
  tabOf: (repoId: string) => RepoTab;
  setTab: (repoId: string, tab: RepoTab) => void;
  /** Shows `chart` on the repo's Charts tab. */
  openChart: (repoId: string, chart: string) => void;
  /** The chart request for this repo, if the last one was for it. */
  requestFor: (repoId: string) => OpenChartRequest | undefined;
}

/** Keeps each repo's last tab for the session (in memory). */
export function useRepoNavigation(): RepoNavigation {
  const [tabs, setTabs] = useState<Readonly<Record<string, RepoTab>>>({});
  const [request, setRequest] = useState<OpenChartRequest>();
  const setTab = useCallback((repoId: string, tab: RepoTab) => setTabs((t) => (t[repoId] === tab ? t : { ...t, [repoId]: tab })), []);
  const openChart = useCallback(
    (repoId: string, chart: string) => {
      setTab(repoId, 'charts');
      setRequest((r) => ({ repoId, chart, seq: (r?.seq ?? 0) + 1 }));
    },
    [setTab],
  );
  return {
    tabOf: (repoId) => tabs[repoId] ?? 'charts',
    setTab,
    openChart,
    requestFor: (repoId) => (request?.repoId === repoId ? request : undefined),
  };
}
