/** The repo list with its secrets: the store (no secrets) and the vault (only secrets), kept in step. */
import type { z } from 'zod';
import type { AddRepoInput, Repo, UpdateRepoInput } from '../../contract/repos';
import { ChartDeskError } from '../errors';
import type { KeychainState, SecretVault } from '../secrets/vault';
import type { NoticeBoard, NoticeRecord } from './notices';
import type { StoredRepo } from './repo-file';
import type { RepoFields, RepoStore } from './repo-store';
import { normalizeRepoLocation, repoForUrl } from './repo-url';
import { chartNameUnder, isLoopbackHost, parseOciLocation } from '../oci/oci-location';

/** A repo as the contract returns it. */
export type RepoView = z.output<typeof Repo>;
/** The fields of a new repo (contract input, after defaults; the chart list and TLS settings may be left out). */
export type RepoDraftFields = Omit<z.output<typeof AddRepoInput>, 'secret' | 'charts'> & { charts?: string[] };
/** The fields updateRepo may change. */
export type RepoChanges = z.output<typeof UpdateRepoInput>['changes'];

/** A repo's credential for the flow engine: fetched only when a request needs it. */
export interface RepoCredentials {
  secret?: string;
  username?: string;
}

/** Everything the app and the CLI do with repos and their credentials. */
export interface RepoService {
  list(): Promise<RepoView[]>;
  get(repoId: string): Promise<RepoView>;
  /** The repo with this name (case-insensitive); throws not-found. */
  byName(name: string): Promise<RepoView>;
  /** The repo whose URL the request URL falls under (longest match), if any. */
  forUrl(url: string): Promise<RepoView | undefined>;
  add(draft: RepoDraftFields, secret?: string): Promise<RepoView>;
  /** Adds several (an import) in one write; names already taken are reported, not added. */
  addMany(drafts: readonly { draft: RepoDraftFields; secret?: string }[]): Promise<{ added: RepoView[]; taken: string[] }>;
  update(repoId: string, changes: RepoChanges): Promise<RepoView>;
  remove(repoId: string): Promise<void>;
  reorder(repoIds: readonly string[]): Promise<RepoView[]>;
  setCredential(repoId: string, secret: string, username?: string): Promise<{ repo: RepoView; keychain: KeychainState }>;
  /** Adds a chart name (or a full oci:// chart URL under the repo) to an OCI repo's list of named charts. */
  addNamedChart(repoId: string, chart: string): Promise<RepoView>;
  /** Removes a chart name from an OCI repo's list. */
  removeNamedChart(repoId: string, chart: string): Promise<RepoView>;
  clearCredential(repoId: string): Promise<RepoView>;
  /** The stored credential, for an explicit reveal or a request; never logged. */
  credentials(repoId: string): Promise<RepoCredentials>;
  keychainStatus(): Promise<KeychainState>;
  notices(): NoticeRecord[];
  /** How many secrets are stored (in the vault or in memory). */
  secretCount(): Promise<number>;
  /** Forgets every secret and the vault's key in the keychain (the repos stay), as on a fresh install. */
  forgetAllSecrets(): Promise<{ forgotten: number; keychainEntryRemoved: boolean }>;
  /** Adds (or, with `replaceId`, replaces) whole stored records, e.g. from an export file; names already taken are reported, not added. */
  importRecords(entries: readonly ImportRecord[]): Promise<{ added: RepoView[]; replaced: RepoView[]; taken: string[]; secretsStored: number }>;
}

/** One repo of an import: its stored record (any fields the stored schema has, without the id) and its secret. */
export interface ImportRecord {
  record: RepoFields;
  secret?: string;
  /** Replace this repo (keeping its id) instead of adding a new one. */
  replaceId?: string;
}

/** What the repo service needs. */
export interface RepoServiceDeps {
  store: RepoStore;
  vault: SecretVault;
  notices: NoticeBoard;
  /** Called with the new list after every change (the app emits `reposChanged`). */
  onChange?: (repos: RepoView[]) => void;
  /** cm:// URLs become http:// instead of https:// (HELM_REPO_USE_HTTP=true). */
  cmUsesHttp?: boolean;
}

/** The vault entry id of a repo's secret. */
export function secretEntryId(repoId: string): string {
  return `repo:${repoId}`;
}

/** Creates the repo service. */
export function createRepoService(deps: RepoServiceDeps): RepoService {
  const { store, vault } = deps;

  async function views(repos: readonly StoredRepo[]): Promise<RepoView[]> {
    const ids = await vault.ids();
    return repos.map((repo) => ({ ...repo, hasSecret: ids.has(secretEntryId(repo.id)) }));
  }

  async function changed(): Promise<void> {
    if (!deps.onChange) return;
    deps.onChange(await views(await store.list()));
  }

  async function get(repoId: string): Promise<RepoView> {
    const repo = (await store.list()).find((r) => r.id === repoId);
    if (!repo) throw new ChartDeskError('not-found', 'repos', `There is no repo with id ${repoId.slice(0, 64)}.`);
    return (await views([repo]))[0] as RepoView;
  }

  function fields(draft: RepoDraftFields): RepoFields {
    if (draft.auth.mode === 'basic' && !draft.auth.username) {
      throw new ChartDeskError('bad-request', 'repos', 'Basic authentication needs a user name.');
    }
    const location = normalizeRepoLocation(draft.url, deps.cmUsesHttp);
    return withKindRules({ ...draft, name: draft.name.trim(), ...location, tls: draft.tls ?? { insecureSkipVerify: false }, charts: draft.charts ?? [] });
  }

  /** Applies what a repo's kind implies: registries get a plain-HTTP default and a checked chart list; index repos have neither. */
  function withKindRules(repo: RepoFields): RepoFields {
    if (repo.kind === 'http') {
      const { plainHttp: _plainHttp, ...tls } = repo.tls;
      return { ...repo, tls, charts: [] };
    }
    const location = parseOciLocation(repo.url);
    const charts = [...new Set(repo.charts.map((chart) => chartNameUnder(location, chart)))];
    return { ...repo, charts, tls: { ...repo.tls, plainHttp: repo.tls.plainHttp ?? isLoopbackHost(location.host) } };
  }

  async function changeCharts(repoId: string, change: (repo: StoredRepo) => string[]): Promise<RepoView> {
    await store.update(repoId, (current) => {
      if (current.kind !== 'oci') throw new ChartDeskError('bad-request', 'named-charts', 'Only OCI registry repos keep a list of chart names; this repo has an index.yaml.');
      return { ...current, charts: change(current) };
    });
    await changed();
    return get(repoId);
  }

  return {
    list: async () => views(await store.list()),
    get,
    async byName(name) {
      const repo = (await store.list()).find((r) => r.name.localeCompare(name, undefined, { sensitivity: 'accent' }) === 0);
      if (!repo) throw new ChartDeskError('not-found', 'find-repo', `There is no repo named “${name.slice(0, 200)}”.`, { hint: 'List them with `chartdesk repos list`.' });
      return get(repo.id);
    },
    async forUrl(url) {
      const repo = repoForUrl(await store.list(), url);
      return repo ? get(repo.id) : undefined;
    },
    async add(draft, secret) {
      const repo = await store.add(fields(draft));
      if (secret !== undefined) {
        try {
          await vault.set(secretEntryId(repo.id), secret);
        } catch (error) {
          await store.remove(repo.id).catch(() => undefined);
          throw error;
        }
      }
      await changed();
      return get(repo.id);
    },
    async addMany(drafts) {
      const { added, taken } = await store.addMany(drafts.map((d) => fields(d.draft)));
      for (const repo of added) {
        const secret = drafts.find((d) => d.draft.name.trim() === repo.name)?.secret;
        if (secret !== undefined) await vault.set(secretEntryId(repo.id), secret);
      }
      if (added.length) await changed();
      return { added: await views(added), taken };
    },
    async update(repoId, changes) {
      const location = changes.url === undefined ? undefined : normalizeRepoLocation(changes.url, deps.cmUsesHttp);
      const repo = await store.update(repoId, (current) => {
        const next = { ...current, ...changes, ...(location ?? {}) };
        if (next.auth.mode === 'basic' && !next.auth.username) throw new ChartDeskError('bad-request', 'repos', 'Basic authentication needs a user name.');
        // A new location keeps the named charts only while it stays the same kind of repo.
        const charts = location && location.kind !== current.kind ? [] : next.charts;
        return { ...withKindRules({ ...next, charts }), id: current.id };
      });
      await changed();
      return get(repo.id);
    },
    async remove(repoId) {
      await store.remove(repoId);
      await vault.delete(secretEntryId(repoId)).catch(() => deps.notices.add('info', 'The removed repo’s secret could not be deleted from the vault; it is unreadable without its repo and will be replaced if you add the repo again.'));
      await changed();
    },
    async reorder(repoIds) {
      const repos = await store.reorder(repoIds);
      await changed();
      return views(repos);
    },
    async setCredential(repoId, secret, username) {
      await get(repoId);
      if (username !== undefined) await store.update(repoId, (current) => ({ ...current, auth: { ...current.auth, username } }));
      const keychain = await vault.set(secretEntryId(repoId), secret);
      await changed();
      return { repo: await get(repoId), keychain };
    },
    addNamedChart: (repoId, chart) =>
      changeCharts(repoId, (repo) => {
        const name = chartNameUnder(parseOciLocation(repo.url), chart);
        return repo.charts.includes(name) ? repo.charts : [...repo.charts, name].sort();
      }),
    removeNamedChart: (repoId, chart) =>
      changeCharts(repoId, (repo) => {
        const name = chartNameUnder(parseOciLocation(repo.url), chart);
        if (!repo.charts.includes(name)) throw new ChartDeskError('not-found', 'named-charts', `The repo has no chart named ${name} in its list.`);
        return repo.charts.filter((c) => c !== name);
      }),
    async clearCredential(repoId) {
      await get(repoId);
      await vault.delete(secretEntryId(repoId));
      await changed();
      return get(repoId);
    },
    async credentials(repoId) {
      const repo = await get(repoId);
      const secret = await vault.get(secretEntryId(repoId));
      return { ...(secret !== undefined ? { secret } : {}), ...(repo.auth.username ? { username: repo.auth.username } : {}) };
    },
    keychainStatus: () => vault.status(),
    notices: () => deps.notices.list(),
    secretCount: async () => (await vault.ids()).size,
    async forgetAllSecrets() {
      const result = await vault.forgetAll();
      await changed();
      return result;
    },
    async importRecords(entries) {
      const adds = entries.filter((e) => e.replaceId === undefined);
      const { added, taken } = await store.addMany(adds.map((e) => e.record));
      const replaced: StoredRepo[] = [];
      for (const entry of entries) {
        const id = entry.replaceId;
        if (id !== undefined) replaced.push(await store.update(id, () => ({ ...entry.record, id })));
      }
      let secretsStored = 0;
      const storeSecret = async (repoId: string, secret: string | undefined) => {
        if (secret === undefined) return;
        await vault.set(secretEntryId(repoId), secret);
        secretsStored += 1;
      };
      for (const repo of added) await storeSecret(repo.id, adds.find((e) => e.record.name === repo.name)?.secret);
      for (const repo of replaced) await storeSecret(repo.id, entries.find((e) => e.replaceId === repo.id)?.secret);
      if (added.length || replaced.length) await changed();
      return { added: await views(added), replaced: await views(replaced), taken, secretsStored };
    },
  };
}
