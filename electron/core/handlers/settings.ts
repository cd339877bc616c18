/** Handlers for the app's settings. */
import type { CoreContext } from '../context';
import type { Handlers } from '../dispatch';

/** getSettings and updateSettings over the settings store (a change is announced as settingsChanged). */
export function settingsHandlers(ctx: CoreContext): Pick<Handlers, 'getSettings' | 'updateSettings'> {
  return {
    getSettings: () => ctx.settings.current(),
    updateSettings: (changes) => ctx.settings.update(changes),
  };
}
