/** Opens chart versions of a loaded index: download (cached, verified), read the package, diff values. */
import type { z } from 'zod';
import type { ChartVersionContent, ValuesDiff } from '../../contract/packages';
import type { RepoRecord } from '../context';
import { ChartDeskError } from '../errors';
import type { ArchiveLimits } from './archive-limits';
import { readChartArchive } from './chart-archive';
import { resolveAgainstRepo } from './chart-url';
import type { IndexSessions, RepoAccess } from './index-sessions';
import type { PackageFetcher } from './package-fetch';
import { rememberRecent } from './recent-map';
import { diffTexts } from './values-diff';

type Content = z.output<typeof ChartVersionContent>;

/** Where one chart version's package is, per the index. */
export interface LocatedVersion {
  repo: RepoRecord;
  name: string;
  version: string;
  /** Absolute package URL. */
  url: string;
  digest?: string;
}

/** Chart version operations over the open indexes. */
export interface ChartVersions {
  /** Finds a version in the repo's index; without `version`, the chart's latest (stable if it has one). */
  locate(repoId: string, name: string, version?: string): Promise<LocatedVersion>;
  open(repoId: string, name: string, version: string): Promise<Content>;
  diffValues(repoId: string, name: string, from: string, to: string): Promise<z.output<typeof ValuesDiff>>;
}

/** What they need. */
export interface ChartVersionsDeps {
  sessions: IndexSessions;
  repos: RepoAccess;
  packages: PackageFetcher;
  limits: ArchiveLimits;
  /** Most opened versions kept in memory (default 8). */
  maxKept?: number;
}

/** Creates the operations; recently opened versions are kept in memory by repo, name and version. */
export function createChartVersions(deps: ChartVersionsDeps): ChartVersions {
  const kept = new Map<string, Content>();

  const locate = async (repoId: string, name: string, wanted?: string): Promise<LocatedVersion> => {
    const { index, repo } = await deps.sessions.loaded(repoId);
    const summary = index.summary(name);
    if (!summary) throw new ChartDeskError('not-found', 'open-chart', `The index has no chart called ${name}.`);
    const version = wanted ?? summary.latestVersion;
    const entry = index.version(name, version);
    if (!entry) throw new ChartDeskError('not-found', 'open-chart', `The index has no version ${version} of chart ${name}.`);
    const ref = entry.urls[0];
    if (!ref) throw new ChartDeskError('index-invalid', 'open-chart', `The index lists no download URL for ${name} ${version}.`);
    return { repo, name, version, url: resolveAgainstRepo(repo.url, ref), ...(entry.digest ? { digest: entry.digest } : {}) };
  };

  const open = async (repoId: string, name: string, version: string): Promise<Content> => {
    const { repo, url, digest } = await locate(repoId, name, version);
    const key = JSON.stringify([repoId, repo.url, name, version, digest ?? '']);
    const hit = kept.get(key);
    if (hit) return { ...hit, fromCache: true };
    const label = `${name} ${version}`;
    const pkg = await deps.packages.fetch({ repo, credentials: () => deps.repos.credentials(repoId), url, label, ...(digest ? { digest } : {}) });
    const archive = await readChartArchive(pkg.bytes, deps.limits);
    const warnings = [...archive.warnings];
    if (archive.metadata.name !== name) warnings.push(`The package calls the chart "${archive.metadata.name}", the index "${name}".`);
    if (archive.metadata.version !== version) warnings.push(`The package says version ${archive.metadata.version}, the index ${version}.`);
    if (!pkg.verified) warnings.push('The index gives no digest for this version, so the download could not be verified.');
    const content: Content = {
      name,
      version,
      url,
      chartYaml: archive.chartYaml,
      metadata: archive.metadata,
      valuesYaml: archive.valuesYaml ?? '',
      files: archive.files,
      digest: pkg.digest,
      verified: pkg.verified,
      fromCache: pkg.fromCache,
      warnings,
      ...(archive.valuesSchema !== undefined ? { valuesSchema: archive.valuesSchema } : {}),
      ...(archive.readme ? { readme: archive.readme } : {}),
    };
    rememberRecent(kept, key, content, deps.maxKept ?? 8);
    return content;
  };

  return {
    locate,
    open,
    async diffValues(repoId, name, from, to) {
      const [before, after] = await Promise.all([open(repoId, name, from), open(repoId, name, to)]);
      const diff = diffTexts(before.valuesYaml, after.valuesYaml, { from: `${name} ${from}/values.yaml`, to: `${name} ${to}/values.yaml` });
      return { name, from, to, ...diff };
    },
  };
}
