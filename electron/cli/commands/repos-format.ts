/** Text output of `chartdesk repos …`: the repo table, notices and the keychain line. */
import type { KeychainState } from '../../core/secrets/vault';
import type { NoticeRecord } from '../../core/store/notices';
import type { RepoView } from '../../core/store/repo-service';
import { redactUrl } from '../../core/http/redact';
import { safeLine } from '../terminal-text';
import { textTable } from '../text-table';

/** The repos as aligned, terminal-safe columns: name, URL, auth mode, whether a secret is stored. */
export function formatRepoTable(repos: readonly RepoView[]): string {
  const rows = repos.map((r) => [r.name, redactUrl(r.url), r.auth.mode === 'basic' ? `basic (${r.auth.username ?? ''})` : r.auth.mode, r.hasSecret ? 'stored' : '-']);
  return textTable(['NAME', 'URL', 'AUTH', 'SECRET'], rows, { maxColumnWidth: Number.POSITIVE_INFINITY });
}

/** A line about the keychain when it is not usable (empty when it is). */
export function keychainLine(status: KeychainState): string {
  return status.state === 'available' ? '' : `Keychain ${status.state}: ${safeLine(status.detail)}\n`;
}

/** Notices (a recovered repo list, an unreadable vault), one per line. */
export function noticeLines(notices: readonly NoticeRecord[]): string {
  return notices.map((n) => `${n.level === 'warning' ? 'Warning' : 'Note'}: ${safeLine(n.message)}\n`).join('');
}
