import type { MethodInput, MethodOutput } from '../../../../electron/contract';

/** A configured repo as the core reports it (never its secret). */
export type Repo = MethodOutput<'listRepos'>[number];
/** A repo's auth mode. */
export type AuthMode = Repo['auth']['mode'];
/** A repo's token dialect setting. */
export type Dialect = Repo['auth']['dialect'];
/** Where secrets live now. */
export type KeychainStatus = MethodOutput<'appInfo'>['keychain'];
/** addRepo's argument. */
export type AddRepoInput = MethodInput<'addRepo'>;
/** What an import from Helm did. */
export type HelmImportReport = MethodOutput<'importHelmRepos'>;
/** Something the user should know about their data. */
export type Notice = MethodOutput<'listNotices'>[number];

/** The words for an auth mode, for lists and headers. */
export const AUTH_MODE_WORDS: Record<AuthMode, string> = {
  none: 'No authentication',
  basic: 'Basic auth',
  bearer: 'Static bearer token',
  'token-server': 'Token server',
  'identity-token': 'Identity token',
};
/** What probing a typed URL found, and the settings it proposes. */
export type RepoUrlProbe = MethodOutput<'probeRepoUrl'>;
/** The settings a probe proposes. */
export type RepoProposal = NonNullable<RepoUrlProbe['proposal']>;
