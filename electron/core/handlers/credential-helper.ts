import type { Handlers } from '../dispatch';
import type { CoreContext } from '../context';

/** Handlers for ChartDesk's Docker credential helper: config files that use it, and its launcher. */
export function credentialHelperHandlers(ctx: CoreContext): Pick<Handlers, 'credentialHelperStatus' | 'useCredentialHelper' | 'installHelperLauncher'> {
  return {
    credentialHelperStatus: ({ repoId }) => ctx.credentialHelper.status(repoId),
    useCredentialHelper: ({ repoId, path, undo }) => ctx.credentialHelper.use(repoId, path, undo),
    installHelperLauncher: ({ dir }) => ctx.credentialHelper.installLauncher(dir),
  };
}
