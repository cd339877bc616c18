/** Turns one raw index entry into a ChartVersion, the way Helm reads an index entry. */
import { boolField, isRecord, type NoteSink, recordList, setDefined, textField, textList, textMap } from './normalize-fields';
import type { ChartDependency, ChartMaintainer, ChartVersion } from './query-types';
import { parseChartSemver } from './semver-masterminds';

/** Flags the index builder decides (they depend on the other entries). */
export interface VersionFlags {
  duplicate: boolean;
}

/** Normalizes a decoded entry; notes collect the fields that were ignored. */
export function normalizeVersion(raw: Record<string, unknown>, flags: VersionFlags, note: NoteSink): ChartVersion {
  const version = textField(raw.version, 'version', note) ?? '';
  const semver = parseChartSemver(version);
  const out: ChartVersion = {
    name: textField(raw.name, 'name', note) ?? '',
    version,
    apiVersion: textField(raw.apiVersion, 'apiVersion', note) || 'v1',
    deprecated: boolField(raw.deprecated, 'deprecated', note) ?? false,
    keywords: textList(raw.keywords, 'keywords', note),
    sources: textList(raw.sources, 'sources', note),
    maintainers: recordList(raw.maintainers, 'maintainers', note).map((m) => maintainer(m, note)),
    dependencies: recordList(raw.dependencies, 'dependencies', note).map((d) => dependency(d, note)),
    annotations: textMap(raw.annotations, 'annotations', note),
    urls: textList(raw.urls, 'urls', note),
    validSemver: semver !== null,
    prerelease: semver !== null && semver.prerelease.length > 0,
    duplicate: flags.duplicate,
  };
  for (const field of ['appVersion', 'description', 'home', 'icon', 'kubeVersion', 'type', 'condition', 'tags', 'created'] as const) {
    setDefined(out, field, textField(raw[field], field, note));
  }
  if (out.urls.length === 0) {
    const legacyUrl = textField(raw.url, 'url', note);
    if (legacyUrl) out.urls = [legacyUrl];
  }
  const digest = textField(raw.digest, 'digest', note);
  const checksum = textField(raw.checksum, 'checksum', note);
  if (digest) out.digest = digest;
  else if (checksum) {
    out.digest = checksum;
    out.digestFromChecksum = true;
  }
  setDefined(out, 'removed', boolField(raw.removed, 'removed', note));
  return out;
}

function maintainer(raw: Record<string, unknown>, note: NoteSink): ChartMaintainer {
  const out: ChartMaintainer = { name: textField(raw.name, 'maintainers.name', note) ?? '' };
  setDefined(out, 'email', textField(raw.email, 'maintainers.email', note));
  setDefined(out, 'url', textField(raw.url, 'maintainers.url', note));
  return out;
}

function dependency(raw: Record<string, unknown>, note: NoteSink): ChartDependency {
  const out: ChartDependency = { name: textField(raw.name, 'dependencies.name', note) ?? '' };
  for (const field of ['version', 'repository', 'condition', 'alias'] as const) {
    setDefined(out, field, textField(raw[field], `dependencies.${field}`, note));
  }
  if (raw.tags !== undefined && raw.tags !== null) out.tags = textList(raw.tags, 'dependencies.tags', note);
  setDefined(out, 'enabled', boolField(raw.enabled, 'dependencies.enabled', note));
  const imports = raw['import-values'];
  if (Array.isArray(imports)) {
    out.importValues = [];
    for (const item of imports) {
      if (typeof item === 'string') out.importValues.push(item);
      else if (isRecord(item) && typeof item.child === 'string' && typeof item.parent === 'string') {
        out.importValues.push({ child: item.child, parent: item.parent });
      } else note('an item of "dependencies.import-values" was not understood and was ignored');
    }
  }
  return out;
}
