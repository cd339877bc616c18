/** Stored repos for the network commands: by name, or the one a URL falls under; credentials from the vault. */
import type { FlowCredentials, FlowRepo } from '../core/auth/types';
import type { RepoService, RepoView } from '../core/store/repo-service';

/** A stored repo as the flow needs it; the secret is read from the vault only when a request asks. */
export interface StoredFlowRepo {
  view: RepoView;
  repo: FlowRepo;
  credentials: () => Promise<FlowCredentials>;
}

/** Names a stored repo: by its name, or by a URL at or below its URL. */
export type StoredRepoRef = { name: string } | { url: string };

function toFlow(repos: RepoService, view: RepoView): StoredFlowRepo {
  return {
    view,
    repo: { id: view.id, url: view.url, auth: { ...view.auth }, tls: { ...view.tls }, passCredentialsAll: view.passCredentialsAll },
    credentials: () => repos.credentials(view.id),
  };
}

/** True when `arg` is an http(s) or oci:// URL rather than a repo name (a bare `ghcr.io/org` may be either: names are tried first). */
export function looksLikeUrl(arg: string): boolean {
  return /^(https?|oci):\/\//i.test(arg);
}

/** The stored repo `ref` names: a name that matches nothing throws not-found, a URL under no repo gives undefined. */
export async function findStoredRepo(repos: RepoService, ref: StoredRepoRef): Promise<StoredFlowRepo | undefined> {
  if ('name' in ref) return toFlow(repos, await repos.byName(ref.name));
  const view = await repos.forUrl(ref.url);
  return view ? toFlow(repos, view) : undefined;
}
