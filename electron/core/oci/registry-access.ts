/**
 * How a stored OCI repo talks to its registry, in the flow engine's terms: the one place where a
 * repo's auth mode becomes Docker's registry auth rules (follow the registry's challenge: Basic
 * for htpasswd registries, a token server otherwise, anonymous tokens when nothing is stored).
 */
import type { FlowCredentials, FlowRepo } from '../auth/types';
import type { RepoRecord } from '../context';
import type { RegistryAccess } from './registry-api';
import { isLoopbackHost, parseOciLocation, registryBaseUrl } from './oci-location';

const anonymous = async (): Promise<FlowCredentials> => ({});

/** The registry base URL of an OCI repo (plain HTTP when set, or by default for loopback hosts). */
export function registryUrlOf(repo: Pick<RepoRecord, 'url' | 'tls'>): string {
  const { host } = parseOciLocation(repo.url);
  return registryBaseUrl(host, repo.tls.plainHttp ?? isLoopbackHost(host));
}

/** The registry access of a stored OCI repo with its credentials. */
export function registryAccessOf(repo: RepoRecord, credentials: () => Promise<FlowCredentials>): RegistryAccess {
  const base = { id: repo.id, url: registryUrlOf(repo), tls: repo.tls, passCredentialsAll: false };
  const { mode } = repo.auth;
  const common = { ...(repo.auth.approvedRealmOrigin ? { approvedRealmOrigin: repo.auth.approvedRealmOrigin } : {}), ...(repo.auth.clientId ? { clientId: repo.auth.clientId } : {}) };
  if (mode === 'bearer') {
    return { flowRepo: { ...base, auth: { mode: 'bearer', dialect: 'auto', ...common, ...(repo.auth.headerName ? { headerName: repo.auth.headerName } : {}) } }, credentials, followChallengeScheme: false };
  }
  if (mode === 'identity-token') {
    return { flowRepo: { ...base, auth: { mode: 'identity-token', dialect: 'C', ...common } }, credentials, followChallengeScheme: false };
  }
  // Docker's token spec is dialect B; ChartMuseum's dialect A makes no sense for a registry, so auto means B here.
  const dialect = repo.auth.dialect === 'auto' || repo.auth.dialect === 'A' ? 'B' : repo.auth.dialect;
  const flowRepo: FlowRepo = { ...base, auth: { mode: 'token-server', dialect, ...common, ...(repo.auth.username ? { username: repo.auth.username } : {}) } };
  return { flowRepo, credentials: mode === 'none' ? anonymous : credentials, followChallengeScheme: true };
}

/** Anonymous access to a registry no stored repo covers (a chart an index lists at an oci:// URL). */
export function anonymousRegistryAccess(host: string): RegistryAccess {
  const url = registryBaseUrl(host, isLoopbackHost(host));
  return { flowRepo: { url, auth: { mode: 'token-server', dialect: 'B' }, tls: { insecureSkipVerify: false }, passCredentialsAll: false }, credentials: anonymous, followChallengeScheme: true };
}
