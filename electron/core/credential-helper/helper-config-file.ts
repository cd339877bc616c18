/**
 * Points one registry host of a Docker-style config file (Docker's config.json, Helm's registry
 * config.json, Podman's and skopeo's auth.json) at ChartDesk's credential helper, and undoes it.
 * The file is replaced atomically after a copy of it is kept as `<file>.chartdesk-backup`; every
 * other key is left as it was. A file that is not JSON is never touched.
 */
import { copyFile, readFile, stat } from 'node:fs/promises';
import { ChartDeskError } from '../errors';
import { CHARTDESK_HELPER } from '../oci/registry-server';
import { writeFileAtomic } from '../store/atomic-write';
import { errnoCode, storeError } from '../store/store-errors';

/** Largest config file read (Docker's are a few kB). */
const MAX_CONFIG_BYTES = 1024 * 1024;

/** What one change did. */
export interface HelperConfigChange {
  path: string;
  /** The credHelpers key (the registry host; Docker Hub is "index.docker.io"). */
  key: string;
  /** False when the file already said so: nothing was written. */
  changed: boolean;
  /** The copy of the file as it was, when it existed and was changed. */
  backup?: string;
  /** The helper the host used before (use), or uses again (undo). */
  previous?: string;
}

type ConfigDoc = Record<string, unknown> & { credHelpers?: Record<string, string> };

/** The backup kept beside a config file before ChartDesk changes it. */
export function backupPathOf(file: string): string {
  return `${file}.chartdesk-backup`;
}

/** Reads the file: undefined when it does not exist; a clear error when it is not a JSON object. */
async function readConfig(file: string): Promise<{ doc: ConfigDoc; mode: number } | undefined> {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return undefined;
    throw storeError(error, 'helper-config', `read ${file}`);
  }
  if (!info.isFile()) throw new ChartDeskError('bad-request', 'helper-config', `${file} is not a file.`);
  if (info.size > MAX_CONFIG_BYTES) throw new ChartDeskError('too-large', 'helper-config', `${file} is larger than 1 MB; it is not a config file ChartDesk changes.`);
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    throw storeError(error, 'helper-config', `read ${file}`);
  });
  let doc: unknown;
  try {
    doc = text.trim() ? JSON.parse(text) : {};
  } catch {
    throw new ChartDeskError('bad-request', 'helper-config', `${file} is not valid JSON, so ChartDesk left it alone. Nothing was changed.`, { hint: 'Fix the file (or move it away), then try again.' });
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new ChartDeskError('bad-request', 'helper-config', `${file} does not hold a JSON object. Nothing was changed.`);
  const helpers = (doc as ConfigDoc).credHelpers;
  if (helpers !== undefined && (!helpers || typeof helpers !== 'object' || Array.isArray(helpers))) {
    throw new ChartDeskError('bad-request', 'helper-config', `The credHelpers entry of ${file} is not an object. Nothing was changed.`);
  }
  return { doc: doc as ConfigDoc, mode: info.mode & 0o777 };
}

/** Writes the changed document after backing up the current file (tabs, as Docker writes it). */
async function writeConfig(file: string, doc: ConfigDoc, existing: { mode: number } | undefined): Promise<string | undefined> {
  try {
    let backup: string | undefined;
    if (existing) {
      backup = backupPathOf(file);
      await copyFile(file, backup);
    }
    await writeFileAtomic(file, `${JSON.stringify(doc, null, '\t')}\n`, existing?.mode ?? 0o600);
    return backup;
  } catch (error) {
    throw storeError(error, 'helper-config', `write ${file}`, { unchanged: true });
  }
}

/** Makes `key` use ChartDesk's helper in `file` (created, private, when missing). */
export async function useChartDeskHelper(file: string, key: string): Promise<HelperConfigChange> {
  const current = await readConfig(file);
  const doc: ConfigDoc = current?.doc ?? {};
  const previous = doc.credHelpers?.[key];
  if (previous === CHARTDESK_HELPER) return { path: file, key, changed: false };
  const next: ConfigDoc = { ...doc, credHelpers: { ...(doc.credHelpers ?? {}), [key]: CHARTDESK_HELPER } };
  const backup = await writeConfig(file, next, current);
  return { path: file, key, changed: true, ...(backup ? { backup } : {}), ...(previous !== undefined ? { previous } : {}) };
}

/** Stops `key` using ChartDesk's helper in `file`: back to `restore` (the helper it had before), else the entry goes. */
export async function stopUsingChartDeskHelper(file: string, key: string, restore?: string): Promise<HelperConfigChange> {
  const current = await readConfig(file);
  if (!current || current.doc.credHelpers?.[key] !== CHARTDESK_HELPER) return { path: file, key, changed: false };
  const helpers: Record<string, string> = { ...current.doc.credHelpers };
  if (restore && restore !== CHARTDESK_HELPER) helpers[key] = restore;
  else delete helpers[key];
  const { credHelpers: _old, ...rest } = current.doc;
  const next: ConfigDoc = Object.keys(helpers).length ? { ...rest, credHelpers: helpers } : rest;
  const backup = await writeConfig(file, next, current);
  return { path: file, key, changed: true, ...(backup ? { backup } : {}), ...(restore ? { previous: restore } : {}) };
}

/** True when `file` sends `key` to ChartDesk's helper (false when missing or unreadable). */
export async function usesChartDeskHelper(file: string, key: string): Promise<boolean> {
  const current = await readConfig(file).catch(() => undefined);
  return current?.doc.credHelpers?.[key] === CHARTDESK_HELPER;
}
