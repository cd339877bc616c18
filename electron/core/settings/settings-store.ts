/** The app's settings: read once, kept in memory for synchronous reads, saved durably on change. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { Settings, type SettingsChanges, type SettingsValues } from '../../contract/settings';
import { ChartDeskError } from '../errors';
import { createDurableFile, type DurableFileOptions } from '../store/durable-file';
import { SETTINGS_FILE_NAME, settingsFileFormat, settingsOf, type SettingsFile } from './settings-file';

/** A change to the settings (contract input, validated). */
export type SettingsChange = z.output<typeof SettingsChanges>;

/** The settings of one data folder. */
export interface SettingsStore {
  /** The file that holds them. */
  readonly path: string;
  /** The settings as last loaded or saved (the defaults before `load`); cheap, read it per use. */
  current(): SettingsValues;
  /** Reads settings.json (a damaged file is set aside and its backup restored); call once at start-up. */
  load(): Promise<SettingsValues>;
  /** Applies `changes`, saves, tells the subscribers; resolves to the new settings. */
  update(changes: SettingsChange): Promise<SettingsValues>;
  /** Called with the new settings after every change; returns the unsubscribe function. */
  subscribe(listener: (settings: SettingsValues, previous: SettingsValues) => void): () => void;
}

/** What the settings store needs. */
export interface SettingsStoreOptions {
  dataDir: string;
  notify: DurableFileOptions<SettingsFile>['notify'];
  now?: () => number;
}

/** Refuses a CA file that cannot be read or holds no certificate, so a typo shows when it is typed. */
async function checkCaFile(file: string): Promise<void> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'it does not exist' : 'it cannot be read';
    throw new ChartDeskError('bad-request', 'settings', `The CA file ${file.slice(0, 300)} cannot be used: ${reason}.`, { hint: 'Give the full path of a PEM file, or leave it empty.' });
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) {
    throw new ChartDeskError('bad-request', 'settings', `The CA file ${file.slice(0, 300)} holds no PEM certificate (-----BEGIN CERTIFICATE-----).`);
  }
}

/** Opens the settings of `dataDir` (nothing is written until the first change). */
export function createSettingsStore(options: SettingsStoreOptions): SettingsStore {
  const file = path.join(options.dataDir, SETTINGS_FILE_NAME);
  const durable = createDurableFile({
    path: file,
    format: settingsFileFormat,
    what: 'your settings',
    emptyWords: 'the default settings',
    notify: options.notify,
    ...(options.now ? { now: options.now } : {}),
  });
  let settings: SettingsValues = Settings.parse({});
  const listeners = new Set<(next: SettingsValues, previous: SettingsValues) => void>();

  return {
    path: file,
    current: () => settings,
    async load() {
      settings = settingsOf(await durable.read());
      return settings;
    },
    async update(changes) {
      if (changes.caFile) await checkCaFile(changes.caFile);
      const previous = settings;
      const next = await durable.update((doc) => {
        const merged = Settings.parse({ ...doc.settings, ...changes });
        return { next: { ...doc, settings: merged }, result: merged };
      });
      settings = next;
      for (const listener of [...listeners]) listener(next, previous);
      return next;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
