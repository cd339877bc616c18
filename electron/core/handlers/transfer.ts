/** Handlers for moving ChartDesk to a new machine: export every repo, preview and run an import. */
import type { CoreContext } from '../context';
import type { Handlers } from '../dispatch';

/** The transfer handlers over the context's transfer service. */
export function transferHandlers(ctx: CoreContext): Pick<Handlers, 'exportAllRepos' | 'previewImportAll' | 'importAllRepos'> {
  return {
    exportAllRepos: ({ withSecrets, passphrase }) => ctx.transfer.exportAll({ withSecrets, passphrase }),
    previewImportAll: ({ content, passphrase }) => ctx.transfer.preview(content, passphrase),
    importAllRepos: ({ content, passphrase, replace, applySettings }) => ctx.transfer.importAll(content, { passphrase, replace, applySettings }),
  };
}
