/**
 * The names of the contract's methods and events, free of schemas so the sandboxed preload can
 * import them without the schema library. index.ts checks at compile time that its tables have
 * exactly these keys.
 */
export const METHOD_NAMES = ['appInfo', 'listRepos',
  'addRepo',
  'updateRepo',
  'removeRepo',
  'reorderRepos',
  'setCredential',
  'clearCredential',
  'testCredential',
  'revealCredential',
  'importHelmRepos',
  'exportRepoCommands',
  'listNotices',
  'connectRepo',
  'getToken',
  'revealToken',
  'decodeJwt',
  'verifyJwt',
  'approveRealm',
  'setTokenRefresh',
  'openIndex',
  'listCharts',
  'searchCharts',
  'getChart',
  'openChartVersion',
  'diffValues',
  'pushChart',
  'deleteChartVersion',
  'chartIcon',
  'listKeys',
  'importKeys',
  'removeKey',
  'listSigningKeys',
  'importSigningKey',
  'removeSigningKey',
  'forgetSigningPassphrase',
  'getRepoTrust',
  'setRepoTrust',
  'verifyChartVersion'] as const;

/** The names of the contract's events. */
export const EVENT_NAMES = ['reposChanged', 'tokenUpdated', 'indexProgress'] as const;

/** The subscription function name for an event: `on` + the capitalized name. */
export function subscriberName<K extends string>(event: K): `on${Capitalize<K>}` {
  return `on${event.charAt(0).toUpperCase()}${event.slice(1)}` as `on${Capitalize<K>}`;
}
