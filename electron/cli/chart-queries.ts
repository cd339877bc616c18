/**
 * The one door from `chartdesk show` and `chartdesk search` into the chart services: a repo's
 * chart source (an index.yaml or a registry namespace, behind one interface) and the chart-version
 * reader over it.
 */
import type { z } from 'zod';
import type { ManifestView } from '../contract/packages';
import type { ChartArchiveContent } from '../core/charts/chart-archive';
import { ChartDeskError } from '../core/errors';
import { redactUrl } from '../core/http/redact';
import type { ChartSummary, ChartVersion } from '../core/index/query-types';
import { openChartTarget } from './chart-cli';
import type { CliServices } from './services';
import type { NetworkFlags } from './url-repo';

/** Where a repo's chart list came from this time. */
export interface IndexFacts {
  chartCount: number;
  versionCount: number;
  /** True when the repo could not be reached and its offline copy is used. */
  offline: boolean;
  /** For offline: a sentence with the copy's age and the network failure. */
  offlineReason?: string;
}

/** A chart version's package, downloaded and checked against the repo's digest (as `pull` does). */
export interface ChartPackage extends Pick<ChartArchiveContent, 'chartYaml' | 'metadata' | 'files' | 'readme'> {
  name: string;
  version: string;
  /** The package URL (or oci:// reference), user info and secret-looking query parameters redacted. */
  url: string;
  /** sha256 hex of the package. */
  digest: string;
  /** False only when the repo gives no digest for it. */
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
  /** Loads the chart list (its offline copy when the repo cannot be reached), all of it. */
  open(): Promise<IndexFacts>;
  /** Every chart, by name. */
  charts(): Promise<readonly ChartSummary[]>;
  /** A chart's versions, newest first; 'not-found' when the repo has no such chart. */
  versions(chart: string): Promise<ChartVersion[]>;
  /** A version's package (the latest stable one without `version`). */
  package(chart: string, version?: string): Promise<ChartPackage>;
  /** How a registry stores a version (manifest, config, layers); 'unsupported' for an index.yaml repo. */
  manifest(chart: string, version?: string): Promise<z.output<typeof ManifestView>>;
}

/** The charts of the repo `repoArg` names (a stored repo's name, a repo URL or an oci:// namespace). */
export async function repoCharts(services: CliServices, env: NodeJS.ProcessEnv, repoArg: string, flags: NetworkFlags): Promise<RepoCharts> {
  const { target, charts, source } = await openChartTarget(services, env, repoArg, flags);
  return {
    label: target.label,
    async open() {
      await source.open(false);
      // A registry lists its first page at once and reads the rest after; the commands want all of it.
      await source.complete();
      const summary = await source.open(false);
      return {
        chartCount: summary.chartCount,
        versionCount: summary.versionCount,
        offline: summary.offline,
        ...(summary.offlineReason ? { offlineReason: summary.offlineReason } : {}),
      };
    },
    async charts() {
      return (await source.list({ offset: 0, limit: 100_000 })).items;
    },
    async versions(chart) {
      if (!(await source.summary(chart))) throw new ChartDeskError('not-found', 'show', `${redactUrl(target.label)} has no chart called ${chart}.`);
      return (await source.detail(chart)).versions;
    },
    async package(chart, version) {
      const located = await source.locate(chart, version);
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
    async manifest(chart, version) {
      if (!source.manifest) throw new ChartDeskError('bad-request', 'show', `${redactUrl(target.label)} is an index.yaml repo: its charts have no OCI manifest (show manifest is for oci:// registries).`);
      const located = await source.locate(chart, version);
      return source.manifest(located.name, located.version);
    },
  };
}

/** The names of every stored repo, in the user's order. */
export async function storedRepoNames(services: CliServices, env: NodeJS.ProcessEnv): Promise<string[]> {
  return (await (await services.repos(env)).list()).map((repo) => repo.name);
}
