/** Maps a tar entry name to its path inside the chart, as Helm's loader does, refusing traversal. */
import path from 'node:path';
import { ChartDeskError } from '../errors';

const DRIVE_PATH = /^[a-zA-Z]:\//;

/** Shortens and strips control characters so a hostile name is safe to show in a message. */
export function printableName(name: string, max = 120): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}

function refuse(name: string, why: string): ChartDeskError {
  return new ChartDeskError('chart-invalid', 'read-archive', `The package holds an entry ${why} ("${printableName(name)}"); ChartDesk refuses to open it.`, {
    hint: 'Helm refuses such packages too: they could write files outside the chart folder.',
  });
}

/**
 * The path of an entry relative to the chart folder: the first path component (the chart's top
 * folder, whatever its name) is dropped, Windows separators are normalized. Throws 'chart-invalid'
 * for absolute paths, parent references, drive letters and a Chart.yaml outside any folder.
 * Returns undefined for the top folder itself.
 */
export function chartEntryPath(name: string): string | undefined {
  if (name.includes('\0')) throw refuse(name, 'with a NUL character in its name');
  const delimiter = name.includes('\\') ? '\\' : '/';
  const normalized = name.split(delimiter).join('/');
  if (normalized.startsWith('/') || DRIVE_PATH.test(normalized)) throw refuse(name, 'with an absolute path');
  const parts = normalized.split('/');
  if (parts.length === 1 && parts[0] === 'Chart.yaml') throw refuse(name, 'Chart.yaml outside the chart folder');
  if (parts[0] === '..') throw refuse(name, 'that points outside the chart folder');
  const rest = parts.slice(1).join('/');
  if (rest === '') return undefined;
  if (rest.startsWith('/')) throw refuse(name, 'with an absolute path');
  const clean = path.posix.normalize(rest);
  if (clean === '.' || clean === './') return undefined;
  if (clean === '..' || clean.startsWith('../')) throw refuse(name, 'that points outside the chart folder');
  if (DRIVE_PATH.test(clean)) throw refuse(name, 'with a drive-letter path');
  return clean.replace(/\/$/, '');
}
