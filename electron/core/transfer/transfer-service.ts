/** Moving ChartDesk to a new machine: every repo (and the settings) into one file, and back in on the other side. */
import type { z } from 'zod';
import type { ExportAllResult, ImportPlan, ImportResult } from '../../contract/transfer';
import type { SettingsValues } from '../../contract/settings';
import { ChartDeskError } from '../errors';
import type { SettingsChange, SettingsStore } from '../settings/settings-store';
import type { RepoService } from '../store/repo-service';
import { readExportFile, writeExportFile, type ExportPayload } from './export-file';
import { incomingRepos, planImport } from './import-plan';

/** What the transfer service needs. */
export interface TransferDeps {
  repos: RepoService;
  settings: SettingsStore;
  /** e.g. "ChartDesk 0.1.0". */
  exportedBy: string;
  /** False for the CLI: secrets are imported only into a usable keychain, never into memory. */
  allowSessionOnly: boolean;
  now?: () => number;
}

/** Export and import of every repo. */
export interface TransferService {
  exportAll(options: { withSecrets: boolean; passphrase?: string | undefined }): Promise<z.output<typeof ExportAllResult>>;
  preview(content: string, passphrase?: string): Promise<z.output<typeof ImportPlan>>;
  importAll(content: string, options: { passphrase?: string | undefined; replace: readonly number[]; applySettings: boolean }): Promise<z.output<typeof ImportResult>>;
}

/** The shortest passphrase an export with secrets accepts, characters. */
export const MIN_PASSPHRASE = 8;

/** Settings that belong to this machine and never travel: session-only mode. */
function travellingSettings(settings: SettingsValues): SettingsChange {
  const { sessionOnly: _local, ...rest } = settings;
  return rest;
}

/** Creates the transfer service. */
export function createTransferService(deps: TransferDeps): TransferService {
  const now = deps.now ?? Date.now;

  const read = async (content: string, passphrase?: string) => {
    const { info, payload } = await readExportFile(content, passphrase);
    return { info, payload, incoming: incomingRepos(payload) };
  };

  return {
    async exportAll({ withSecrets, passphrase }) {
      if (withSecrets && !passphrase) throw new ChartDeskError('bad-request', 'passphrase', 'An export with secrets needs a passphrase.');
      if (withSecrets && [...(passphrase ?? '')].length < MIN_PASSPHRASE) {
        throw new ChartDeskError('bad-request', 'passphrase', `The passphrase needs at least ${MIN_PASSPHRASE} characters: it is all that protects the secrets in the file.`, { hint: 'A few unrelated words make a good one.' });
      }
      const views = await deps.repos.list();
      const repos: ExportPayload['repos'] = [];
      let secretCount = 0;
      for (const { hasSecret, ...record } of views) {
        let secret: string | undefined;
        if (withSecrets && hasSecret) {
          secret = (await deps.repos.credentials(record.id)).secret;
          if (secret !== undefined) secretCount += 1;
        }
        repos.push({ record, ...(secret !== undefined ? { secret } : {}) });
      }
      const stamp = new Date(now());
      const content = await writeExportFile({ repos, settings: travellingSettings(deps.settings.current()) }, { exportedAt: stamp.toISOString(), exportedBy: deps.exportedBy }, withSecrets ? passphrase : undefined);
      const day = stamp.toISOString().slice(0, 10);
      return { fileName: `chartdesk-repos-${day}${withSecrets ? '-encrypted' : ''}.json`, content, repoCount: repos.length, secretCount, encrypted: withSecrets };
    },

    async preview(content, passphrase) {
      const { info, payload, incoming } = await read(content, passphrase);
      const items = planImport(incoming, await deps.repos.list());
      return { encrypted: info.encrypted, exportedAt: info.exportedAt, exportedBy: info.exportedBy, items, hasSettings: payload.settings !== undefined, keychain: await deps.repos.keychainStatus() };
    },

    async importAll(content, { passphrase, replace, applySettings }) {
      const { payload, incoming } = await read(content, passphrase);
      const items = planImport(incoming, await deps.repos.list());
      const keychain = await deps.repos.keychainStatus();
      const carriesSecrets = items.some((item) => item.hasSecret && (item.action === 'add' || replace.includes(item.index)));
      if (carriesSecrets && keychain.state !== 'available' && !deps.allowSessionOnly) {
        throw new ChartDeskError('keychain', 'import', `The file holds secrets, but they cannot be stored: ${keychain.detail} Nothing was imported.`);
      }
      const chosen = new Set(replace);
      const entries = [];
      const skipped: { name: string; reason: string }[] = [];
      for (const item of items) {
        const repo = incoming[item.index];
        if (!repo) continue;
        if (item.action === 'add') entries.push(repo);
        else if (chosen.has(item.index) && item.replaces) entries.push({ ...repo, replaceId: item.replaces.repoId });
        else skipped.push({ name: item.name, reason: item.reason ?? 'Skipped.' });
      }
      let settingsApplied = false;
      const notes: string[] = [];
      if (applySettings && payload.settings) {
        const { sessionOnly: _local, ...changes } = payload.settings;
        try {
          await deps.settings.update(changes);
        } catch (error) {
          // A CA file of the old machine that is not here must not stop the move: the rest is taken over.
          if (!(error instanceof ChartDeskError) || error.step !== 'settings' || !changes.caFile) throw error;
          const { caFile: _missing, ...rest } = changes;
          await deps.settings.update(rest);
          notes.push(`${error.message} The other settings were taken over; set the CA file in Settings once it is on this machine.`);
        }
        settingsApplied = true;
      }
      const done = await deps.repos.importRecords(entries);
      for (const name of done.taken) skipped.push({ name, reason: 'A repo with this name was added meanwhile.' });
      return {
        added: done.added.map((r) => ({ name: r.name, repoId: r.id })),
        replaced: done.replaced.map((r) => ({ name: r.name, repoId: r.id })),
        skipped,
        secretsStored: done.secretsStored,
        settingsApplied,
        notes,
        keychain: await deps.repos.keychainStatus(),
      };
    },
  };
}
