/** Handlers for Settings → Storage, Keychain and About: cache sizes and clearing, forgetting secrets, versions, diagnostics. */
import type { CoreContext } from '../context';
import type { Handlers } from '../dispatch';
import { diagnosticsReport } from '../about/diagnostics';
import { ChartDeskError } from '../errors';

type HousekeepingMethods = 'storageReport' | 'clearCache' | 'openDataFolder' | 'secretsSummary' | 'forgetAllSecrets' | 'aboutApp' | 'diagnostics';

/** "1 secret", "3 secrets". */
function secrets(count: number): string {
  return `${count} secret${count === 1 ? '' : 's'}`;
}

/** The housekeeping handlers. */
export function housekeepingHandlers(ctx: CoreContext): Pick<Handlers, HousekeepingMethods> {
  const about = () => ({
    name: 'ChartDesk' as const,
    version: ctx.version,
    transport: ctx.transport,
    platform: ctx.platform,
    arch: ctx.host.arch,
    versions: ctx.host.versions,
    dataDir: ctx.dataDir,
    settingsFile: ctx.settings.path,
    canOpenFolder: Boolean(ctx.host.openFolder),
  });
  return {
    storageReport: () => ctx.storage.report(),
    async clearCache({ cache }) {
      const removed = await ctx.storage.clear(cache);
      return { ...removed, report: await ctx.storage.report() };
    },
    async openDataFolder() {
      if (!ctx.host.openFolder) {
        throw new ChartDeskError('bad-request', 'open-folder', 'The browser mode cannot open folders on this machine.', { hint: 'Copy the path and open it in your file manager.' });
      }
      try {
        await ctx.host.openFolder(ctx.dataDir);
      } catch (error) {
        const reason = error instanceof Error ? error.message.slice(0, 200) : 'the file manager refused';
        throw new ChartDeskError('store', 'open-folder', `The data folder could not be opened: ${reason}.`, { hint: 'Copy the path and open it in your file manager.', cause: error });
      }
      return { opened: true as const };
    },
    async secretsSummary() {
      return { count: await ctx.repos.secretCount(), keychain: await ctx.keychainStatus(), sessionOnly: ctx.settings.current().sessionOnly };
    },
    async forgetAllSecrets({ expectedCount }) {
      const count = await ctx.repos.secretCount();
      if (count !== expectedCount) {
        throw new ChartDeskError('conflict', 'forget-secrets', `ChartDesk now holds ${secrets(count)}, not ${expectedCount}; nothing was forgotten.`, { hint: 'Look at the new count and confirm again.' });
      }
      const before = await ctx.repos.list();
      const { forgotten, keychainEntryRemoved } = await ctx.repos.forgetAllSecrets();
      // Tokens got with those secrets go too.
      for (const repo of before) ctx.flow.forget(repo);
      const key = keychainEntryRemoved ? ' and removed the vault key from the keychain' : '';
      return { forgotten, keychainEntryRemoved, message: `Forgot ${secrets(forgotten)}${key}. The repos stay; set their secrets again to use them.`, keychain: await ctx.keychainStatus() };
    },
    aboutApp: about,
    async diagnostics({ userAgent }) {
      const text = diagnosticsReport({
        about: about(),
        keychain: await ctx.keychainStatus(),
        secretCount: await ctx.repos.secretCount(),
        settings: ctx.settings.current(),
        repos: await ctx.repos.list(),
        storage: await ctx.storage.report(),
        notices: ctx.repos.notices(),
        env: ctx.host.env,
        generatedAt: new Date(),
        userAgent,
      });
      return { text };
    },
  };
}
