/**
 * The one contract between the UI and the core: every method and event the renderer may use,
 * with runtime schemas. Both transports (Electron IPC and the browser mode's HTTP) are generated
 * from it; the renderer imports its types only.
 */
import { z } from 'zod';
import { method, type MethodSpec } from './define';
import { AppInfo } from './app';
import { CredentialHelperChange, CredentialHelperStatus, HelperLauncherResult, InstallHelperLauncherInput, UseCredentialHelperInput } from './credential-helper';
import {
  AddRepoInput,
  CredentialTestResult,
  HelmImportReport,
  ImportHelmReposInput,
  ImportRegistryAuthInput,
  NamedChartInput,
  RegistryAuthImportReport,
  Notice,
  ReorderReposInput,
  Repo,
  RepoCommands,
  RepoRef,
  RevealedCredential,
  SetCredentialInput,
  SetCredentialResult,
  UpdateRepoInput,
} from './repos';
import {
  ApprovedRealm,
  ApproveRealmInput,
  ConnectRepoInput,
  ConnectResult,
  DecodedJwt,
  DecodeJwtInput,
  GetTokenInput,
  JwtVerification,
  RepoScopeInput,
  RevealedToken,
  TokenRefreshInput,
  TokenUpdated,
  TokenView,
  VerifyJwtInput,
} from './auth';
import { ChartList, SearchResult } from './charts';
import {
  ChartDetailView,
  ChartIcon,
  ChartRef,
  ChartVersionContent,
  ChartVersionRef,
  DeleteResult,
  GetChartInput,
  DiffValuesInput,
  IndexProgress,
  IndexSummary,
  ListChartsInput,
  ManifestView,
  OpenIndexInput,
  PushChartInput,
  PushResult,
  SearchChartsInput,
  ValuesDiff,
} from './packages';
import { Settings, SettingsChanges } from './settings';
import { AboutInfo, ClearCacheInput, ClearCacheResult, DiagnosticsInput, DiagnosticsReport, ForgetSecretsInput, ForgetSecretsResult, SecretsSummary, StorageReport } from './housekeeping';
import { ExportAllInput, ExportAllResult, ImportApplyInput, ImportPlan, ImportPreviewInput, ImportResult } from './transfer';
import { FingerprintRef, ImportKeysInput, ImportSigningKeyInput, KeyImportResult, KeyInfo, ProvenanceResult, RepoTrust, SetRepoTrustInput, SigningKeyImportResult, SigningKeyInfo } from './provenance';
import { EVENT_NAMES, METHOD_NAMES, subscriberName } from './names';
import { ProbeRepoUrlInput, RepoUrlProbe } from './probe';
import { SearchAllInput, SearchAllResult } from './search';

const none = z.object({}).strict();

/** Every method the UI may call. */
export const methods = {
  appInfo: method(none, AppInfo, 'Facts about the running app: version, transport, keychain status.'),
  listRepos: method(none, z.array(Repo), 'The configured repos, in the user’s order.'),
  addRepo: method(AddRepoInput, Repo, 'Adds a repo; an optional secret goes straight to the keychain-backed vault.'),
  updateRepo: method(UpdateRepoInput, Repo, 'Changes a repo’s settings (never its secret).'),
  removeRepo: method(RepoRef, z.object({ removed: z.literal(true) }), 'Removes a repo and its stored secret.'),
  reorderRepos: method(ReorderReposInput, z.array(Repo), 'Puts the repos in the given order (every id, once).'),
  setCredential: method(SetCredentialInput, SetCredentialResult, 'Stores a repo’s secret (sent once, kept in the vault or, without a keychain, in memory).'),
  clearCredential: method(RepoRef, Repo, 'Forgets a repo’s stored secret.'),
  testCredential: method(RepoRef, CredentialTestResult, 'Runs the auth flow against the repo’s index with its stored credential; a redacted trace, never the secret or token.'),
  revealCredential: method(RepoRef, RevealedCredential, 'Returns a repo’s stored secret for copying; only on an explicit user action, logged nowhere.'),
  importHelmRepos: method(ImportHelmReposInput, HelmImportReport, 'Imports Helm’s repositories.yaml (passwords into the keychain), reporting each entry.'),
  exportRepoCommands: method(RepoRef, RepoCommands, 'The helm commands that use a repo (helm repo add, or cm:// with HELM_REPO_ACCESS_TOKEN); no secret.'),
  listNotices: method(none, z.array(Notice), 'Things the user should know about their data (a recovered repo list, an unreadable vault).'),
  connectRepo: method(ConnectRepoInput, ConnectResult, 'Runs the auth flow (challenge -> token -> retry) against the repo’s index (`fresh`: without the cached token); the redacted trace, and the failure with the step that failed.'),
  getToken: method(GetTokenInput, TokenView, 'The repo’s current token (cached unless fresh), masked and decoded.'),
  revealToken: method(RepoScopeInput, RevealedToken, 'The raw token, only on an explicit user action (copy/reveal).'),
  decodeJwt: method(DecodeJwtInput, DecodedJwt, 'Decodes any JWT without verifying it.'),
  verifyJwt: method(VerifyJwtInput, JwtVerification, 'Verifies a JWT against a PEM public key or certificate, or a JWKS URL, and says why when it fails.'),
  approveRealm: method(ApproveRealmInput, ApprovedRealm, 'Approves a token-server origin to receive the repo’s secret.'),
  setTokenRefresh: method(TokenRefreshInput, z.object({ enabled: z.boolean() }), 'Starts or stops refreshing the repo’s token ahead of expiry while it is in use.'),
  openIndex: method(OpenIndexInput, IndexSummary, 'Fetches (conditionally) and parses a repo’s index, keeping it in the core; falls back to the offline copy when the server is unreachable.'),
  listCharts: method(ListChartsInput, ChartList, 'A page of the open index’s compact chart list, sorted by name.'),
  searchCharts: method(SearchChartsInput, SearchResult, 'Ranked search over chart names, keywords and descriptions of the open index.'),
  getChart: method(GetChartInput, ChartDetailView, 'A chart with its versions newest first (all of them, or the first `limit` decoded and every version string in allVersions; past the first `detailed`, only the versions-table fields) and the helm commands that install the newest.'),
  openChartVersion: method(ChartVersionRef, ChartVersionContent, 'Downloads a version’s package (cached by digest; from an index URL or a registry’s chart layer), verifies its sha256 and reads Chart.yaml, values, schema, README and the file list.'),
  diffValues: method(DiffValuesInput, ValuesDiff, 'A line diff of the values.yaml of two versions of a chart.'),
  pushChart: method(PushChartInput, PushResult, 'Uploads a .tgz (ChartMuseum’s API, or a registry as Helm pushes) with a pull,push token; conflict unless force.'),
  deleteChartVersion: method(ChartVersionRef, DeleteResult, 'Deletes one chart version (ChartMuseum’s API, or the registry manifest) with a pull,push token.'),
  chartIcon: method(ChartRef, ChartIcon, 'A chart’s icon as a data: URL (fetched by the core: image types only, at most 512 KB, cached).'),
  addNamedChart: method(NamedChartInput, Repo, 'Adds a chart by name (or full oci:// URL) to an OCI repo whose registry does not list its repositories.'),
  removeNamedChart: method(NamedChartInput, Repo, 'Removes a chart name from an OCI repo’s list.'),
  getManifest: method(ChartVersionRef, ManifestView, 'How a chart version is stored in its OCI registry: manifest digest, config, layers, annotations and pull commands.'),
  importRegistryAuth: method(ImportRegistryAuthInput, RegistryAuthImportReport, 'Imports registry logins from Docker’s, Helm’s and Podman’s auth files (credential helpers resolved), secrets into the keychain.'),
  credentialHelperStatus: method(RepoRef, CredentialHelperStatus, 'For an OCI repo: which of Docker’s, Helm’s and Podman’s config files send its registry to docker-credential-chartdesk, and whether the helper is on the PATH.'),
  useCredentialHelper: method(UseCredentialHelperInput, CredentialHelperChange, 'Points a config file’s credHelpers entry for the repo’s registry at ChartDesk (atomically, with a backup), or with undo puts back what it had.'),
  installHelperLauncher: method(InstallHelperLauncherInput, HelperLauncherResult, 'Writes the docker-credential-chartdesk launcher into a folder (default ~/.local/bin) so tools find the helper on the PATH.'),
  getSettings: method(none, Settings, 'The app’s settings (theme, network defaults, index and cache limits, session-only mode).'),
  updateSettings: method(SettingsChanges, Settings, 'Changes settings; they apply at once, without a restart.'),
  storageReport: method(none, StorageReport, 'Each cache folder in the data folder, what it holds and its size on disk.'),
  clearCache: method(ClearCacheInput, ClearCacheResult, 'Removes the files of one cache folder (by id), or of every cache ("all"); nothing else.'),
  openDataFolder: method(none, z.object({ opened: z.literal(true) }), 'Opens the data folder in the file manager (desktop app only).'),
  secretsSummary: method(none, SecretsSummary, 'How many secrets are stored and where (keychain state, session-only mode).'),
  forgetAllSecrets: method(ForgetSecretsInput, ForgetSecretsResult, 'Removes every stored secret (the vault and its key in the OS keychain), as on a fresh install.'),
  exportAllRepos: method(ExportAllInput, ExportAllResult, 'Every repo with its settings in one file; with secrets, encrypted with the passphrase (scrypt + AES-256-GCM).'),
  previewImportAll: method(ImportPreviewInput, ImportPlan, 'Reads an export file and says what importing it would add and skip (same name or URL).'),
  importAllRepos: method(ImportApplyInput, ImportResult, 'Imports an export file: adds new repos, replaces the chosen ones, puts secrets into this machine’s vault.'),
  aboutApp: method(none, AboutInfo, 'Versions (ChartDesk, Electron, Chromium, Node) and the data folder.'),
  diagnostics: method(DiagnosticsInput, DiagnosticsReport, 'A plain-text report for bug reports: versions, settings, keychain state, cache sizes; no secret, token or URL query.'),
  listKeys: method(none, z.array(KeyInfo), 'The public keys of the keyring that chart provenance is checked against.'),
  importKeys: method(ImportKeysInput, KeyImportResult, 'Imports every public key of a key file (armored or binary, as gpg --export writes it); of a secret key only its public part.'),
  removeKey: method(FingerprintRef, KeyInfo, 'Removes a public key from the keyring.'),
  listSigningKeys: method(none, z.array(SigningKeyInfo), 'The signing keys: public side and facts only; the secret keys stay in the vault.'),
  importSigningKey: method(ImportSigningKeyInput, SigningKeyImportResult, 'Imports a secret key into the vault (its public key into the keyring); a given passphrase is checked, not kept.'),
  removeSigningKey: method(FingerprintRef, SigningKeyInfo, 'Deletes a signing key (and any kept passphrase) from the vault.'),
  forgetSigningPassphrase: method(FingerprintRef, z.object({ forgotten: z.literal(true) }), 'Forgets a signing key’s kept passphrase.'),
  getRepoTrust: method(RepoRef, RepoTrust, 'The key fingerprints a repo pins (empty: any key in the keyring).'),
  setRepoTrust: method(SetRepoTrustInput, RepoTrust, 'Replaces the key fingerprints a repo pins.'),
  verifyChartVersion: method(ChartVersionRef, ProvenanceResult, 'Checks a chart version’s provenance (`<package url>.prov`) as helm verify does: signature, signer, chart and sha256; the outcome in words.'),
  probeRepoUrl: method(ProbeRepoUrlInput, RepoUrlProbe, 'Probes a typed repo URL without credentials (bounded in time; a newer probe with the same key cancels the older) and proposes the repo kind and auth, with the evidence in words.'),
  searchAllRepos: method(SearchAllInput, SearchAllResult, 'Ranked search over every stored repo, grouped by repo: open indexes and offline copies (marked), and, with `open`, the others opened first.'),
} as const satisfies Record<(typeof METHOD_NAMES)[number], MethodSpec>;

/** Every event the core may push to the UI. */
export const events = {
  /** The repo list changed (added, removed, reordered or edited). */
  reposChanged: z.object({ repos: z.array(Repo) }),
  /** A repo's token was obtained or refreshed (masked view). */
  tokenUpdated: TokenUpdated,
  /** Progress of openIndex: download bytes of total, then parsing, then done. */
  indexProgress: IndexProgress,
  /** A repo's chart list changed without being asked (a registry's charts read in the background): list it again. */
  indexChanged: z.object({ repoId: z.string() }),
  /** The settings changed (in this window, another one, or by an import). */
  settingsChanged: z.object({ settings: Settings }),
  /** The desktop app's menu asked for something only the UI can do (open the Settings view). */
  menuCommand: z.object({ command: z.enum(['open-settings']) }),
} as const satisfies Record<(typeof EVENT_NAMES)[number], z.ZodType>;

/** The contract's method table. */
export type Methods = typeof methods;
/** A method's name. */
export type MethodName = keyof Methods;
/** The argument a method takes, as the caller writes it. */
export type MethodInput<K extends MethodName> = z.input<Methods[K]['input']>;
/** The argument a method receives, after validation and defaults. */
export type MethodArgs<K extends MethodName> = z.output<Methods[K]['input']>;
/** What a method resolves to. */
export type MethodOutput<K extends MethodName> = z.output<Methods[K]['output']>;
/** The contract's event table. */
export type Events = typeof events;
/** An event's name. */
export type EventName = keyof Events;
/** An event's payload. */
export type EventPayload<K extends EventName> = z.output<Events[K]>;

/** The function for subscribing to an event: `on` + the capitalized event name. */
export type SubscriberName<K extends EventName> = `on${Capitalize<K & string>}`;

/** What `window.chartdesk` offers: one function per method, one subscription per event. */
export type ChartDeskApi = {
  [K in MethodName]: (input: MethodInput<K>) => Promise<MethodOutput<K>>;
} & {
  [K in EventName as SubscriberName<K>]: (listener: (payload: EventPayload<K>) => void) => () => void;
};

/** What the Electron preload exposes: the same functions, returning envelopes instead of throwing. */
export type ChartDeskBridge = {
  [K in MethodName]: (input: MethodInput<K>) => Promise<Envelope<MethodOutput<K>>>;
} & {
  [K in EventName as SubscriberName<K>]: (listener: (payload: EventPayload<K>) => void) => () => void;
};

/** The names of all methods. */
export const methodNames: readonly MethodName[] = METHOD_NAMES;
/** The names of all events. */
export const eventNames: readonly EventName[] = EVENT_NAMES;
export { subscriberName };

/** True when `name` is a method of the contract (own property, not inherited). */
export function isMethodName(name: string): name is MethodName {
  return Object.prototype.hasOwnProperty.call(methods, name);
}

/** The envelope every transport returns: a value, or a serialized error. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { kind: string; step: string; message: string; hint?: string } };

export { AppInfo, KeychainStatus, Transport } from './app';
export { AccessEntry, ConnectResult, DecodedJwt, JwtVerification, TokenScope, TokenView, TraceEntry } from './auth';
export { Repo, RepoAuth, RepoTls, RepoKind, AuthMode, TokenDialect, Notice, HelmImportReport, CredentialTestResult, RepoCommands, RegistryAuthImportReport } from './repos';
export { CredentialHelperStatus, CredentialHelperChange, HelperLauncherResult } from './credential-helper';
