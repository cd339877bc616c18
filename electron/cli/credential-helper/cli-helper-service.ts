/** The credential helper service for the CLI: this Node runs the helper bundle beside the CLI's (dist/credential-helper.cjs). */
import os from 'node:os';
import path from 'node:path';
import { createCredentialHelperService, type CredentialHelperService } from '../../core/credential-helper/credential-helper-service';
import { createHelperUndoRecords } from '../../core/credential-helper/helper-undo-records';
import { resolveDataDir } from '../../core/paths';
import { registryAuthFiles } from '../../core/oci/registry-auth-paths';
import type { CliServices } from '../services';

/** Builds the service over the CLI's repos and settings. */
export async function cliCredentialHelper(services: CliServices, env: NodeJS.ProcessEnv): Promise<CredentialHelperService> {
  const [repos, live] = await Promise.all([services.repos(env), services.live(env)]);
  const dataDir = resolveDataDir(env, process.platform, os.homedir());
  return createCredentialHelperService({
    repos,
    files: registryAuthFiles(env, process.platform, os.homedir()),
    records: createHelperUndoRecords({ dataDir, notify: repos.notify }),
    program: { command: process.execPath, args: [path.join(__dirname, 'credential-helper.cjs')], env: { CHARTDESK_HOME: dataDir } },
    writesAllowed: live.credentialHelperWrites,
    env,
    platform: process.platform,
    homeDir: os.homedir(),
  });
}
