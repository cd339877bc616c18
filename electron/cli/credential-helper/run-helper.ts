/**
 * `docker-credential-chartdesk <get|store|erase|list|version>`: ChartDesk's Docker credential helper
 * over the repos and the keychain-backed vault of the data folder (CHARTDESK_HOME overrides). Plain
 * Node: the npm bin and the desktop app's helper mode both run it.
 */
import os from 'node:os';
import { answerHelperAction, type HelperAnswer } from '../../core/credential-helper/helper-protocol';
import { createRepoHelperStore } from '../../core/credential-helper/repo-helper-store';
import { silentLogger } from '../../core/log';
import { resolveDataDir } from '../../core/paths';
import { createSettingsStore } from '../../core/settings/settings-store';
import { createNoticeBoard } from '../../core/store/notices';
import { createRepoServices } from '../../core/store/repo-services';
import { CHARTDESK_VERSION } from '../../core/version';

/** The version line, in docker-credential-helpers' "name (package) version" form. */
export const HELPER_VERSION_LINE = `docker-credential-chartdesk (ChartDesk) ${CHARTDESK_VERSION}`;

/** Runs one action; never throws (a failure is the protocol's one line on stdout, exit 1). */
export async function runCredentialHelper(argv: readonly string[], stdin: () => Promise<string>, env: NodeJS.ProcessEnv): Promise<HelperAnswer> {
  const action = argv[0];
  if (action === 'version') return answerHelperAction(action, '', { get: noStore, list: noStore, store: noStore, erase: noStore }, HELPER_VERSION_LINE);
  try {
    const dataDir = resolveDataDir(env, process.platform, os.homedir());
    const notices = createNoticeBoard();
    const settings = createSettingsStore({ dataDir, notify: (level, message) => notices.add(level, message) });
    await settings.load().catch(() => undefined);
    const repos = createRepoServices({ dataDir, env, log: silentLogger, allowSessionOnly: false, notices, sessionOnly: () => settings.current().sessionOnly });
    const store = createRepoHelperStore({ repos, writesAllowed: () => settings.current().credentialHelperWrites });
    const input = action === 'list' ? '' : await stdin();
    return await answerHelperAction(action, input, store, HELPER_VERSION_LINE);
  } catch {
    return { stdout: 'ChartDesk’s credential helper could not start.\n', stderr: '', code: 1 };
  }
}

async function noStore(): Promise<never> {
  throw new Error('version needs no store');
}
