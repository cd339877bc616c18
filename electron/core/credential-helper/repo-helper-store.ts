/**
 * The credential helper's store over ChartDesk's repos: a server address matches the OCI repos on
 * that registry host (in the user's order, the first with a stored login answers), and `store` /
 * `erase` change ChartDesk's repos only when the user let other tools write (Settings → Keychain).
 */
import { ChartDeskError } from '../errors';
import { parseOciLocation } from '../oci/oci-location';
import { registryHostOfServer } from '../oci/registry-server';
import type { RepoService, RepoView } from '../store/repo-service';
import { IDENTITY_TOKEN_USERNAME, type HelperStore } from './helper-protocol';

/** What the store needs. */
export interface RepoHelperStoreDeps {
  repos: RepoService;
  /** True when Settings allow `docker login` / `helm registry login` to save logins in ChartDesk. */
  writesAllowed: () => boolean;
}

/** The auth modes whose secret the protocol can carry: a user name and password, or an identity token. */
const HANDED_OVER = new Set(['basic', 'identity-token']);

/** The OCI repos on the host a server address names, in the user's order. */
async function reposOnHost(repos: RepoService, server: string): Promise<RepoView[]> {
  let host: string;
  try {
    host = registryHostOfServer(server);
  } catch {
    return [];
  }
  return (await repos.list()).filter((repo) => repo.kind === 'oci' && parseOciLocation(repo.url).host === host);
}

const READ_ONLY = new ChartDeskError('bad-request', 'credential-helper', 'ChartDesk’s credential helper only hands out logins; saving them from other tools is turned off.', {
  hint: 'Turn on “Let docker login and helm registry login save logins in ChartDesk” in Settings → Keychain, or add the login in ChartDesk.',
});

/** A unique repo name for a registry host. */
function freeName(taken: ReadonlySet<string>, host: string): string {
  if (!taken.has(host)) return host;
  for (let n = 2; ; n++) if (!taken.has(`${host} (${n})`)) return `${host} (${n})`;
}

/** Creates the store. */
export function createRepoHelperStore(deps: RepoHelperStoreDeps): HelperStore {
  const { repos } = deps;
  return {
    async get(server) {
      for (const repo of await reposOnHost(repos, server)) {
        if (!repo.hasSecret || !HANDED_OVER.has(repo.auth.mode)) continue;
        const { secret, username } = await repos.credentials(repo.id);
        if (!secret) continue;
        if (repo.auth.mode === 'identity-token') return { username: IDENTITY_TOKEN_USERNAME, secret };
        if (username ?? repo.auth.username) return { username: (username ?? repo.auth.username) as string, secret };
      }
      return undefined;
    },
    async list() {
      const out: Record<string, string> = {};
      for (const repo of await repos.list()) {
        if (repo.kind !== 'oci' || !repo.hasSecret || !HANDED_OVER.has(repo.auth.mode)) continue;
        const host = parseOciLocation(repo.url).host;
        if (out[host] === undefined) out[host] = repo.auth.mode === 'identity-token' ? IDENTITY_TOKEN_USERNAME : (repo.auth.username ?? '');
      }
      return out;
    },
    async store({ ServerURL, Username, Secret }) {
      if (!deps.writesAllowed()) throw READ_ONLY;
      const host = registryHostOfServer(ServerURL);
      const token = Username === IDENTITY_TOKEN_USERNAME;
      const existing = (await reposOnHost(repos, ServerURL))[0];
      if (!existing) {
        const taken = new Set((await repos.list()).map((r) => r.name));
        const auth = token ? ({ mode: 'identity-token', dialect: 'C' } as const) : ({ mode: 'basic', dialect: 'auto', username: Username } as const);
        await repos.add({ name: freeName(taken, host), url: `oci://${host}`, auth, passCredentialsAll: false }, Secret);
        return;
      }
      // The repo takes the kind of login the tool saved; its other auth settings stay.
      const mode = token ? 'identity-token' : 'basic';
      if (existing.auth.mode !== mode) await repos.update(existing.id, { auth: { ...existing.auth, mode, dialect: token ? 'C' : 'auto' } });
      await repos.setCredential(existing.id, Secret, token ? undefined : Username);
    },
    async erase(server) {
      if (!deps.writesAllowed()) throw READ_ONLY;
      const stored = (await reposOnHost(repos, server)).filter((repo) => repo.hasSecret);
      for (const repo of stored) await repos.clearCredential(repo.id);
      return stored.length > 0;
    },
  };
}
