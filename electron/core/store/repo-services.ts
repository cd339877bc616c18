/** Builds the repo service (store + keychain-backed vault) for a host process: the app or the CLI. */
import type { Logger } from '../log';
import { createOsKeychain, type Keychain } from '../secrets/keychain';
import { createSecretVault, type SecretVault } from '../secrets/vault';
import { createNoticeBoard, type NoticeBoard, type NoticeRecord } from './notices';
import { createRepoService, type RepoService, type RepoView } from './repo-service';
import { createRepoStore } from './repo-store';

/** The keychain service name ChartDesk files its master key under. */
export const KEYCHAIN_SERVICE = 'ChartDesk';

/** What the repo service needs from its host. */
export interface RepoServicesOptions {
  dataDir: string;
  env: NodeJS.ProcessEnv;
  log: Logger;
  platform?: NodeJS.Platform;
  /** The app keeps secrets in memory when no keychain can be reached; the CLI refuses instead. */
  allowSessionOnly: boolean;
  /** Another keychain (tests); default: the OS keychain, or none when CHARTDESK_KEYCHAIN=off. */
  keychain?: Keychain;
  onChange?: (repos: RepoView[]) => void;
  onNotice?: (notice: NoticeRecord) => void;
  /** True while the user chose session-only mode in Settings (read on every use). */
  sessionOnly?: () => boolean;
  /** A notice board shared with other services (the app's); default: a new one that logs each notice. */
  notices?: NoticeBoard;
}

/** The repo service, with the vault and the notice board it uses (the provenance services share both). */
export type RepoServices = RepoService & {
  vault: SecretVault;
  notify: (level: NoticeRecord['level'], message: string) => void;
};

/** Creates the repo service; nothing touches the disk or the keychain until it is used. */
export function createRepoServices(options: RepoServicesOptions): RepoServices {
  const notices =
    options.notices ??
    createNoticeBoard((notice) => {
      options.log.warn('data notice', { message: notice.message });
      options.onNotice?.(notice);
    });
  const notify = (level: NoticeRecord['level'], message: string) => notices.add(level, message);
  const off = options.env.CHARTDESK_KEYCHAIN === 'off';
  const keychain = off ? undefined : (options.keychain ?? createOsKeychain({ service: KEYCHAIN_SERVICE, ...(options.platform ? { platform: options.platform } : {}) }));
  const vault = createSecretVault({
    dataDir: options.dataDir,
    keychain,
    sessionOnlyReason: 'The keychain is turned off (CHARTDESK_KEYCHAIN=off).',
    allowSessionOnly: options.allowSessionOnly,
    notify,
    ...(options.sessionOnly ? { sessionOnly: options.sessionOnly } : {}),
    ...(options.platform ? { platform: options.platform } : {}),
  });
  const store = createRepoStore({ dataDir: options.dataDir, notify });
  const service = createRepoService({
    store,
    vault,
    notices,
    cmUsesHttp: options.env.HELM_REPO_USE_HTTP === 'true',
    ...(options.onChange ? { onChange: options.onChange } : {}),
  });
  return { ...service, vault, notify };
}
