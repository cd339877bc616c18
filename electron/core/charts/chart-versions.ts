/** Opens chart versions of any repo: download (cached, verified), read the package, diff values. */
import type { z } from 'zod';
import type { ChartVersionContent, ValuesDiff } from '../../contract/packages';
import type { ArchiveLimits } from './archive-limits';
import { readChartArchive } from './chart-archive';
import type { ChartSources } from './chart-sources';
import { rememberRecent } from './recent-map';
import { diffTexts } from './values-diff';

type Content = z.output<typeof ChartVersionContent>;

/** Chart version operations over the repos' chart sources. */
export interface ChartVersions {
  open(repoId: string, name: string, version: string): Promise<Content>;
  diffValues(repoId: string, name: string, from: string, to: string): Promise<z.output<typeof ValuesDiff>>;
}

/** What they need. */
export interface ChartVersionsDeps {
  sources: ChartSources;
  limits: ArchiveLimits;
  /** Most opened versions kept in memory (default 8). */
  maxKept?: number;
}

/** Creates the operations; recently opened versions are kept in memory by repo, name and version. */
export function createChartVersions(deps: ChartVersionsDeps): ChartVersions {
  const kept = new Map<string, Content>();

  const open = async (repoId: string, name: string, version: string): Promise<Content> => {
    const source = await deps.sources.forRepo(repoId);
    const located = await source.locate(name, version);
    const key = JSON.stringify([repoId, source.repo.url, name, version, located.digest ?? '', located.url]);
    const hit = kept.get(key);
    if (hit) return { ...hit, fromCache: true };
    const pkg = await source.fetchPackage(located);
    const archive = await readChartArchive(pkg.bytes, deps.limits);
    const warnings = [...archive.warnings];
    const basename = name.split('/').pop() ?? name;
    if (archive.metadata.name !== name && archive.metadata.name !== basename) warnings.push(`The package calls the chart "${archive.metadata.name}", the repo "${name}".`);
    if (archive.metadata.version !== version) warnings.push(`The package says version ${archive.metadata.version}, the repo ${version}.`);
    if (!pkg.verified) warnings.push('The index gives no digest for this version, so the download could not be verified.');
    const content: Content = {
      name,
      version,
      url: located.url,
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
    open,
    async diffValues(repoId, name, from, to) {
      const [before, after] = await Promise.all([open(repoId, name, from), open(repoId, name, to)]);
      const diff = diffTexts(before.valuesYaml, after.valuesYaml, { from: `${name} ${from}/values.yaml`, to: `${name} ${to}/values.yaml` });
      return { name, from, to, ...diff };
    },
  };
}
