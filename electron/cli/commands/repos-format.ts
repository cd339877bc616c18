/** Text output of `chartdesk repos …`: the repo table, notices and the keychain line. */
import type { KeychainState } from '../../core/secrets/vault';
import type { NoticeRecord } from '../../core/store/notices';
import type { RepoView } from '../../core/store/repo-service';

/** The repos as aligned columns: name, URL, auth mode, whether a secret is stored. */
export function formatRepoTable(repos: readonly RepoView[]): string {
  const rows = [['NAME', 'URL', 'AUTH', 'SECRET'], ...repos.map((r) => [r.name, r.url, r.auth.mode === 'basic' ? `basic (${r.auth.username ?? ''})` : r.auth.mode, r.hasSecret ? 'stored' : '-'])];
  const widths = [0, 1, 2].map((col) => Math.max(...rows.map((row) => (row[col] ?? '').length)));
  return `${rows.map((row) => row.map((cell, col) => (col < 3 ? cell.padEnd(widths[col] ?? 0) : cell)).join('  ')).join('\n')}\n`;
}

/** A line about the keychain when it is not usable (empty when it is). */
export function keychainLine(status: KeychainState): string {
  return status.state === 'available' ? '' : `Keychain ${status.state}: ${status.detail}\n`;
}

/** Notices (a recovered repo list, an unreadable vault), one per line. */
export function noticeLines(notices: readonly NoticeRecord[]): string {
  return notices.map((n) => `${n.level === 'warning' ? 'Warning' : 'Note'}: ${n.message}\n`).join('');
}
