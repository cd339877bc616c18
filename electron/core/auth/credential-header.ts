/** Builds the credential header a repo request carries, honouring a custom header name. */
import type { FlowRepo } from './types';

/** One header name and value. */
export interface CredentialHeader {
  name: string;
  value: string;
}

/**
 * A token goes as `Authorization: Bearer <token>`, or raw in the repo's custom header
 * (helm-push's HELM_REPO_AUTH_HEADER sends `X-My-Header: <token>`).
 */
export function bearerHeader(repo: FlowRepo, token: string): CredentialHeader {
  const custom = repo.auth.headerName;
  return custom ? { name: custom.toLowerCase(), value: token } : { name: 'authorization', value: `Bearer ${token}` };
}

/** Basic credentials, in Authorization or the repo's custom header. */
export function basicHeader(repo: FlowRepo, username: string, password: string): CredentialHeader {
  const value = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  return { name: repo.auth.headerName ? repo.auth.headerName.toLowerCase() : 'authorization', value };
}
