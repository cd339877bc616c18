import { createCore, type Core } from './app-core';
import type { CoreContext } from './context';
import { createEventBus } from './events';
import type { Logger } from './log';
import { CHARTDESK_VERSION } from './version';

/** What differs between the processes that host the core. */
export interface BootOptions {
  transport: CoreContext['transport'];
  dataDir: string;
  log: Logger;
  platform?: string;
}

/** Builds a core for a host process (Electron main, the browser-mode server or the CLI). */
export async function bootCore(options: BootOptions): Promise<Core> {
  const events = createEventBus((error) => options.log.error('event listener failed', { error: String(error) }));
  const context: CoreContext = {
    version: CHARTDESK_VERSION,
    transport: options.transport,
    platform: options.platform ?? process.platform,
    dataDir: options.dataDir,
    log: options.log,
    events,
    keychainStatus: async () => ({ state: 'session-only', detail: 'Keychain support is not wired in yet; secrets stay in memory for this session.' }),
    repos: { list: async () => [] },
  };
  return createCore(context);
}
