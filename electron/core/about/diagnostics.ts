/**
 * The "Copy diagnostics" report: versions, platform, settings, keychain state, repo shapes and cache
 * sizes, for a bug report. It is built from facts that never hold a secret: no secret, no token, no
 * user name, no URL query or user info, no header; environment proxies only as "set".
 */
import type { z } from 'zod';
import type { KeychainStatus } from '../../contract/app';
import type { AboutInfo } from '../../contract/housekeeping';
import type { SettingsValues } from '../../contract/settings';
import type { StorageReportValue } from '../storage/storage-service';
import type { RepoView } from '../store/repo-service';

/** What the report is made of, gathered by the caller. */
export interface DiagnosticsFacts {
  about: z.output<typeof AboutInfo>;
  keychain: z.output<typeof KeychainStatus>;
  secretCount: number;
  settings: SettingsValues;
  repos: readonly RepoView[];
  storage: StorageReportValue;
  notices: readonly { level: string; message: string }[];
  env: NodeJS.ProcessEnv;
  generatedAt: Date;
  userAgent?: string | undefined;
}

/** A URL without user info, query or fragment. */
export function bareUrl(raw: string): string {
  try {
    const url = new URL(raw);
    return `${url.protocol}//${url.host}${url.pathname}`;
  } catch {
    return '(not a URL)';
  }
}

function size(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

function settingsLines(s: SettingsValues, env: NodeJS.ProcessEnv): string[] {
  const envProxy = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy'].some((name) => Boolean(env[name]));
  return [
    `  theme: ${s.theme}`,
    `  timeouts: connect ${s.connectTimeoutSeconds} s, response ${s.responseTimeoutSeconds} s, stall ${s.stallTimeoutSeconds} s`,
    `  index size cap: ${s.maxIndexMb} MB; fresh for ${s.indexFreshMinutes} min`,
    `  proxy: ${s.proxyUrl ? `${bareUrl(s.proxyUrl)} (Settings)${s.noProxy ? `, no proxy for ${s.noProxy.split(',').length} pattern(s)` : ''}` : `from the environment (${envProxy ? 'a proxy variable is set' : 'none set'})`}`,
    `  extra CA file: ${s.caFile ? 'set' : 'none'}`,
    `  icons from other hosts: ${s.iconsFromOtherHosts ? 'loaded' : 'not loaded'}`,
    `  package cache limit: ${s.packageCacheLimitMb ? `${s.packageCacheLimitMb} MB` : 'none'}`,
    `  session-only mode: ${s.sessionOnly ? 'on' : 'off'}`,
  ];
}

function repoLine(repo: RepoView, index: number): string {
  const auth = repo.auth.mode === 'token-server' ? `token-server (dialect ${repo.auth.dialect})` : repo.auth.mode;
  const tls = [repo.tls.caFile ? 'own CA' : '', repo.tls.certFile ? 'client certificate' : '', repo.tls.insecureSkipVerify ? 'TLS NOT VERIFIED' : ''].filter(Boolean).join(', ');
  return `  ${index + 1}. ${bareUrl(repo.url)} · ${auth} · secret ${repo.hasSecret ? 'stored' : 'none'}${tls ? ` · ${tls}` : ''}`;
}

/** Builds the report text. */
export function diagnosticsReport(f: DiagnosticsFacts): string {
  const v = f.about.versions;
  const runtime = f.about.transport === 'electron' ? `Electron ${v.electron ?? '?'}, Chromium ${v.chrome ?? '?'}, Node ${v.node}` : `browser mode on Node ${v.node}`;
  const lines = [
    'ChartDesk diagnostics (no secrets, tokens, user names or URL queries)',
    `Generated: ${f.generatedAt.toISOString()}`,
    `ChartDesk: ${f.about.version}`,
    `Runtime: ${runtime}${v.v8 ? `, V8 ${v.v8}` : ''}`,
    ...(f.userAgent ? [`Browser: ${f.userAgent}`] : []),
    `Platform: ${f.about.platform} ${f.about.arch}`,
    `Data folder: ${f.about.dataDir}`,
    `Keychain: ${f.keychain.state}: ${f.keychain.detail}`,
    `Secrets stored: ${f.secretCount}`,
    'Settings:',
    ...settingsLines(f.settings, f.env),
    `Repos: ${f.repos.length}`,
    ...f.repos.map(repoLine),
    `Caches (${size(f.storage.totalBytes)} in all):`,
    ...f.storage.caches.map((c) => `  ${c.label}: ${c.files} file${c.files === 1 ? '' : 's'}, ${size(c.bytes)}${c.limitBytes !== undefined ? ` (limit ${size(c.limitBytes)})` : ''}`),
    `Notices: ${f.notices.length ? '' : 'none'}`,
    ...f.notices.map((n) => `  ${n.level}: ${n.message}`),
  ];
  return `${lines.join('\n')}\n`;
}
