/**
 * What ChartDesk changed in other tools' config files (<dataDir>/credential-helper.json): for each
 * file and registry host, the helper it used before, so Undo puts that one back.
 */
import path from 'node:path';
import { z } from 'zod';
import { ChartDeskError } from '../errors';
import { createDurableFile, CorruptDocumentError, type DocumentFormat, type DurableFileOptions } from '../store/durable-file';

const UndoDoc = z
  .object({
    format: z.literal('chartdesk-credential-helper'),
    version: z.literal(1),
    entries: z.array(z.object({ path: z.string().max(4096), key: z.string().max(512), previous: z.string().max(128).optional(), at: z.number() }).strict()).max(1000),
  })
  .strict();
type UndoDoc = z.output<typeof UndoDoc>;

const format: DocumentFormat<UndoDoc> = {
  parse(json) {
    const version = json && typeof json === 'object' ? (json as { version?: unknown }).version : undefined;
    if (typeof version === 'number' && version > 1) throw new ChartDeskError('store', 'helper-config', `credential-helper.json was saved by a newer version of ChartDesk (format ${version}).`, { hint: 'Update ChartDesk.' });
    const result = UndoDoc.safeParse(json);
    if (!result.success) throw new CorruptDocumentError('credential-helper.json does not match its format');
    return result.data;
  },
  serialize: (doc) => `${JSON.stringify(doc, null, 1)}\n`,
  empty: () => ({ format: 'chartdesk-credential-helper', version: 1, entries: [] }),
};

/** The records. */
export interface HelperUndoRecords {
  /** Remembers that `key` in `file` was pointed at ChartDesk; `previous` is the helper it had. */
  remember(file: string, key: string, previous: string | undefined): Promise<void>;
  /** The helper `key` in `file` had before ChartDesk, and forgets the record. */
  take(file: string, key: string): Promise<string | undefined>;
}

/** Creates the records in the data folder. */
export function createHelperUndoRecords(deps: { dataDir: string; notify: DurableFileOptions<UndoDoc>['notify']; now?: () => number }): HelperUndoRecords {
  const file = createDurableFile({ path: path.join(deps.dataDir, 'credential-helper.json'), format, what: 'the config files ChartDesk pointed at its credential helper', notify: deps.notify });
  const now = deps.now ?? Date.now;
  const other = (p: string, k: string) => (e: UndoDoc['entries'][number]) => e.path !== p || e.key !== k;
  return {
    async remember(configPath, key, previous) {
      await file.update((doc) => {
        // A second "use" keeps the first record: that one holds the helper from before ChartDesk.
        if (doc.entries.some((e) => !other(configPath, key)(e))) return { result: undefined };
        const entry = { path: configPath, key, at: now(), ...(previous !== undefined ? { previous } : {}) };
        return { next: { ...doc, entries: [...doc.entries, entry].slice(-1000) }, result: undefined };
      });
    },
    async take(configPath, key) {
      return file.update((doc) => {
        const entry = doc.entries.find((e) => !other(configPath, key)(e));
        if (!entry) return { result: undefined };
        return { next: { ...doc, entries: doc.entries.filter(other(configPath, key)) }, result: entry.previous };
      });
    },
  };
}
