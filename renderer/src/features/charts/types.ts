/** The contract shapes the Charts tab works with, derived from the contract's method outputs. */
import type { MethodOutput } from '../../../../electron/contract';

/** A configured repo (the Charts tab's prop). */
export type RepoInfo = MethodOutput<'listRepos'>[number];
/** What openIndex reports about the loaded index. */
export type IndexSummary = MethodOutput<'openIndex'>;
/** One line of the compact chart list. */
export type ChartSummary = MethodOutput<'listCharts'>['items'][number];
/** Ranked search results. */
export type SearchResult = MethodOutput<'searchCharts'>;
/** A chart with its versions newest first (the first ones decoded, every version string in allVersions). */
export type ChartDetail = MethodOutput<'getChart'>;
/** One version of a chart as the index lists it. */
export type ChartVersion = ChartDetail['versions'][number];
/** What is inside one downloaded chart version. */
export type ChartVersionContent = MethodOutput<'openChartVersion'>;
/** A values.yaml diff of two versions. */
export type ValuesDiff = MethodOutput<'diffValues'>;
/** How a version is stored in an OCI registry. */
export type ManifestView = MethodOutput<'getManifest'>;

/** Where the detail pane is: nothing, a chart, one of its versions, or a values comparison. */
export type ChartsRoute =
  | { view: 'none' }
  | { view: 'chart'; chart: string }
  | { view: 'version'; chart: string; version: string }
  | { view: 'diff'; chart: string; from: string; to: string };
