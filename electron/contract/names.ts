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
  'addNamedChart',
  'removeNamedChart',
  'getManifest',
  'importRegistryAuth',
  // ChartDesk's Docker credential helper for helm, docker, podman and skopeo.
  'credentialHelperStatus',
  'useCredentialHelper',
  'installHelperLauncher',
  // Settings and housekeeping (settings.json, caches, the vault, moving to a new machine, About).
  'getSettings',
  'updateSettings',
  'storageReport',
  'clearCache',
  'openDataFolder',
  'secretsSummary',
  'forgetAllSecrets',
  'exportAllRepos',
  'previewImportAll',
  'importAllRepos',
  'aboutApp',
  'diagnostics',
  // Provenance: the OpenPGP keyring, signing keys, repo pins, verification.
  'listKeys',
  'importKeys',
  'removeKey',
  'listSigningKeys',
  'importSigningKey',
  'removeSigningKey',
  'forgetSigningPassphrase',
  'getRepoTrust',
  'setRepoTrust',
  'verifyChartVersion',
  // Detect, then ask: probing a typed repo URL; one search over every repo.
  'probeRepoUrl',
  'searchAllRepos'] as const;

/** The names of the contract's events. */
export const EVENT_NAMES = ['reposChanged', 'tokenUpdated', 'indexProgress', 'indexChanged', 'settingsChanged', 'menuCommand'] as const;

/** The subscription function name for an event: `on` + the capitalized name. */
export function subscriberName<K extends string>(event: K): `on${Capitalize<K>}` {
  return `on${event.charAt(0).toUpperCase()}${event.slice(1)}` as `on${Capitalize<K>}`;
}
