import { createDispatcher, type Dispatcher, type Handlers } from './dispatch';
import type { CoreContext } from './context';
import { appHandlers } from './handlers/app';
import { repoHandlers } from './handlers/repos';
import { authHandlers } from './handlers/auth';
import { chartHandlers } from './handlers/charts';
import { settingsHandlers } from './handlers/settings';
import { housekeepingHandlers } from './handlers/housekeeping';
import { transferHandlers } from './handlers/transfer';
import { provenanceHandlers } from './handlers/provenance';
import { credentialHelperHandlers } from './handlers/credential-helper';
import { discoveryHandlers } from './handlers/discovery';

/** The service behind both transports. */
export interface Core {
  handlers: Handlers;
  dispatcher: Dispatcher;
  context: CoreContext;
}

/** Builds the core from its dependencies; the one place that wires handlers together. */
export function createCore(context: CoreContext): Core {
  const handlers: Handlers = {
    ...appHandlers(context),
    ...repoHandlers(context),
    ...authHandlers(context),
    ...chartHandlers(context),
    ...settingsHandlers(context),
    ...housekeepingHandlers(context),
    ...transferHandlers(context),
    ...provenanceHandlers(context),
    ...credentialHelperHandlers(context),
    ...discoveryHandlers(context),
  };
  const dispatcher = createDispatcher(handlers, (name, error) =>
    context.log.error('handler failed', { method: name, error: error instanceof Error ? error.name : typeof error }),
  );
  return { handlers, dispatcher, context };
}
