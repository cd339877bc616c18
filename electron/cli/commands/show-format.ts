/** What `chartdesk show` prints for people: terminal-safe files and tables. */
import type { z } from 'zod';
import type { ManifestView } from '../../contract/packages';
import type { ChartVersion } from '../../core/index/query-types';
import type { ChartPackage } from '../chart-queries';
import { withFinalNewline } from '../output-format';
import { safeBlock } from '../terminal-text';
import { textTable } from '../text-table';

/** A file from the package (Chart.yaml, values.yaml, a README), escape sequences shown escaped. */
export function fileText(text: string): string {
  return withFinalNewline(safeBlock(text));
}

/** One line per version, newest first: version, app version, created, digest, deprecated. */
export function versionsTable(versions: readonly ChartVersion[]): string {
  const rows = versions.map((v) => [v.version, v.appVersion ?? '', v.created ?? '', v.digest ?? '', v.deprecated ? 'deprecated' : '']);
  return textTable(['VERSION', 'APP VERSION', 'CREATED', 'DIGEST', 'DEPRECATED'], rows, { maxColumnWidth: 70 });
}

/** One line per file: size in bytes, then path. */
export function filesTable(files: ChartPackage['files']): string {
  const width = Math.max(4, ...files.map((f) => String(f.size).length));
  return textTable(['SIZE', 'PATH'], files.map((f) => [String(f.size).padStart(width), f.path]));
}

/** The JSON form of a version, as `show versions --json` prints it. */
export function versionJson(v: ChartVersion): Record<string, unknown> {
  return { version: v.version, appVersion: v.appVersion ?? null, created: v.created ?? null, digest: v.digest ?? null, deprecated: v.deprecated, prerelease: v.prerelease };
}

/** A registry manifest for people: the reference, its digest, each blob with its role, the pull commands. */
export function manifestText(view: z.output<typeof ManifestView>): string {
  const rows = [
    ['config', view.config.mediaType, String(view.config.size), view.config.digest],
    ...view.layers.map((layer) => [layer.role, layer.mediaType, String(layer.size), layer.digest]),
  ];
  const annotations = Object.entries(view.annotations).map(([key, value]) => `  ${key}: ${value}`);
  const lines = [
    `Reference: ${view.reference}`,
    `Digest:    ${view.digest}`,
    `Type:      ${view.mediaType} (${view.size} bytes)`,
    '',
    textTable(['ROLE', 'MEDIA TYPE', 'SIZE', 'DIGEST'], rows, { maxColumnWidth: 80 }).trimEnd(),
    ...(annotations.length ? ['', 'Annotations:', ...annotations] : []),
    '',
    `Pull by tag:    ${view.commands.byTag}`,
    `Pull by digest: ${view.commands.byDigest}`,
  ];
  return `${safeBlock(lines.join('\n'))}\n`;
}
