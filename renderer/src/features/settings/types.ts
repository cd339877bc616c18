import type { MethodInput, MethodOutput } from '../../../../electron/contract';

/** The app's settings as the core reports them. */
export type Settings = MethodOutput<'getSettings'>;
/** A change to the settings. */
export type SettingsChanges = MethodInput<'updateSettings'>;
/** Cache folders and their sizes. */
export type StorageReport = MethodOutput<'storageReport'>;
/** How many secrets ChartDesk holds and where. */
export type SecretsSummary = MethodOutput<'secretsSummary'>;
/** Versions and places for About. */
export type AboutInfo = MethodOutput<'aboutApp'>;
/** What importing an export file would do. */
export type ImportPlan = MethodOutput<'previewImportAll'>;
/** What an import did. */
export type ImportResult = MethodOutput<'importAllRepos'>;
