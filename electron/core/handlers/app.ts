import type { Handlers } from '../dispatch';
import type { CoreContext } from '../context';

/** Handlers for facts about the running app. */
export function appHandlers(ctx: CoreContext): Pick<Handlers, 'appInfo'> {
  return {
    async appInfo() {
      return {
        name: 'ChartDesk' as const,
        version: ctx.version,
        transport: ctx.transport,
        platform: ctx.platform,
        keychain: await ctx.keychainStatus(),
        dataDir: ctx.dataDir,
      };
    },
  };
}
