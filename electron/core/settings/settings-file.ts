/**
 * The on-disk format of the app's settings (settings.json in the data folder), kept apart from
 * repos.json so each file versions on its own. It never holds a secret.
 */
import { z } from 'zod';
import { Settings, type SettingsValues } from '../../contract/settings';
import { ChartDeskError } from '../errors';
import { CorruptDocumentError, type DocumentFormat } from '../store/durable-file';

/** The schema version this build writes. */
export const SETTINGS_FILE_VERSION = 1;

/** The file name of the settings inside the data folder. */
export const SETTINGS_FILE_NAME = 'settings.json';

/** Version 1 (current). Settings missing from the file take their defaults; unknown ones are refused. */
const SettingsFileV1 = z.object({ schemaVersion: z.literal(1), settings: Settings }).strict();

/** The current document. */
export type SettingsFile = z.output<typeof SettingsFileV1>;

/** Reads any known version of settings.json and migrates it to the current one. */
export function parseSettingsFile(json: unknown): SettingsFile {
  const version = json && typeof json === 'object' ? (json as { schemaVersion?: unknown }).schemaVersion : undefined;
  if (typeof version === 'number' && Number.isInteger(version) && version > SETTINGS_FILE_VERSION) {
    throw new ChartDeskError('store', 'load', `The settings were saved by a newer version of ChartDesk (format ${version}); this version reads up to format ${SETTINGS_FILE_VERSION} and will not change them.`, {
      hint: 'Update ChartDesk.',
    });
  }
  const result = SettingsFileV1.safeParse(json);
  if (!result.success) throw new CorruptDocumentError(`does not match its schema (${result.error.issues[0]?.path.join('.') ?? ''})`);
  return result.data;
}

/** The settings file's document format. */
export const settingsFileFormat: DocumentFormat<SettingsFile> = {
  parse: parseSettingsFile,
  serialize: (doc) => `${JSON.stringify(doc, null, 2)}\n`,
  empty: () => ({ schemaVersion: SETTINGS_FILE_VERSION, settings: Settings.parse({}) }),
};

/** The settings of a document, or the defaults. */
export function settingsOf(doc: SettingsFile | undefined): SettingsValues {
  return doc?.settings ?? Settings.parse({});
}
