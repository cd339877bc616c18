/** A repository's tags as Helm reads them: strict semantic versions (with `_` for `+`) in Helm's order, the rest apart. */
import { orderVersions } from '../index/semver-order';
import { versionOfTag } from './oci-location';

/** SemVer 2.0.0, as Helm's registry client requires of a tag (semver.StrictNewVersion). */
const STRICT_SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

/** One version tag. */
export interface VersionTag {
  tag: string;
  /** The chart version it stands for (`_` back to `+`). */
  version: string;
}

/** The tags of a chart, sorted. */
export interface ChartTags {
  /** Version tags, newest first (Helm's order). */
  versions: VersionTag[];
  /** Position in `versions` of the newest stable one (0 when all are pre-releases). */
  latest: number;
  /** Tags that are not versions (`latest`, `sha256-….sig`, …), sorted. */
  others: string[];
}

/** True when a tag is a chart version for Helm. */
export function isVersionTag(tag: string): boolean {
  return STRICT_SEMVER.test(versionOfTag(tag));
}

/** Splits and orders a repository's tags. */
export function sortTags(tags: readonly string[]): ChartTags {
  const versions: VersionTag[] = [];
  const others: string[] = [];
  for (const tag of new Set(tags)) {
    if (isVersionTag(tag)) versions.push({ tag, version: versionOfTag(tag) });
    else others.push(tag);
  }
  const { order, latest } = orderVersions(versions.map((v) => v.version));
  return { versions: order.map((i) => versions[i] as VersionTag), latest, others: others.sort() };
}
