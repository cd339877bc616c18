/**
 * The one door from `chartdesk show` and `chartdesk search` into the chart services
 * (electron/core/charts: index sessions, index queries, chart versions). When those move behind a
 * chart-source interface that serves OCI registries too, this file is the one that changes.
 */
import type { ChartArchiveContent } from '../core/charts/chart-archive';
import { ChartDeskError } from '../core/errors';
import { redactUrl } from '../core/http/redact';
import type { ChartSummary, ChartVersion } from '../core/index/query-types';
import { openChartTarget } from './chart-cli';
import type { CliServices } from './services';
import type { NetworkFlags } from './url-repo';

/** Where a repo's index came from this time. */
export interface IndexFacts {
  chartCount: number;
  versionCount: number;
  /** True when the repo could not be reached and its offline copy is used. */
  offline: boolean;
  /** For offline: a sentence with the copy's age and the network failure. */
  offlineReason?: string;
}

/** A chart version's package, downloaded and checked against the index digest (as `pull` does). */
export interface ChartPackage extends Pick<ChartArchiveContent, 'chartYaml' | 'metadata' | 'files' | 'readme'> {
  name: string;
  version: string;
  /** The package URL, user info and secret-looking query parameters redacted. */
  url: string;
  /** sha256 hex of the package. */
  digest: string;
  /** False only when the index has no digest for it. */
  verified: boolean;
  fromCache: boolean;
  valuesYaml: string;
  /** Oddities that did not stop the read (unverified, name or version differs from the index...). */
  warnings: string[];
}

/** The charts of one repo, for the commands. */
export interface RepoCharts {
  /** The repo's stored name, or its URL for a one-off repo. */
  readonly label: string;
  /** Loads the index (its offline copy when the repo cannot be reached). */
  open(): Promise<IndexFacts>;
  /** Every chart, by name. */
  charts(): Promise<readonly ChartSummary[]>;
  /** A chart's versions, newest first; 'not-found' when the index has no such chart. */
  versions(chart: string): Promise<ChartVersion[]>;
  /** A version's package (the latest stable one without `version`). */
  package(chart: string, version?: string): Promise<ChartPackage>;
}

/** The charts of the repo `repoArg` names (a stored repo's name, or a repo URL). */
export async function repoCharts(services: CliServices, env: NodeJS.ProcessEnv, repoArg: string, flags: NetworkFlags): Promise<RepoCharts> {
  const { target, charts } = await openChartTarget(services, env, repoArg, flags);
  const loaded = () => charts.sessions.loaded(target.repoId);
  return {
    label: target.label,
    async open() {
      const summary = await charts.sessions.open(target.repoId, false);
      return { chartCount: summary.chartCount, versionCount: summary.versionCount, offline: summary.offline, ...(summary.offlineReason ? { offlineReason: summary.offlineReason } : {}) };
    },
    async charts() {
      return (await loaded()).index.list({ offset: 0, limit: 100_000 }).items;
    },
    async versions(chart) {
      const detail = (await loaded()).index.detail(chart);
      if (!detail) throw new ChartDeskError('not-found', 'show', `The index of ${redactUrl(target.label)} has no chart called ${chart}.`);
      return detail.versions;
    },
    async package(chart, version) {
      const located = await charts.versions.locate(target.repoId, chart, version);
      const content = await charts.versions.open(target.repoId, located.name, located.version);
      return {
        name: content.name,
        version: content.version,
        url: redactUrl(content.url),
        digest: content.digest,
        verified: content.verified,
        fromCache: content.fromCache,
        chartYaml: content.chartYaml,
        metadata: content.metadata,
        valuesYaml: content.valuesYaml,
        files: content.files,
        warnings: content.warnings,
        ...(content.readme ? { readme: content.readme } : {}),
      };
    },
  };
}

/** The names of every stored repo, in the user's order. */
export async function storedRepoNames(services: CliServices, env: NodeJS.ProcessEnv): Promise<string[]> {
  return (await (await services.repos(env)).list()).map((repo) => repo.name);
}
