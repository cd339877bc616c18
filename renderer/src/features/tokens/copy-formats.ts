/** Quotes a value for a POSIX shell: single quotes, with embedded ones closed and escaped. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** The header line a request carries the token in: `Authorization: Bearer …`, or raw in a custom header. */
export function authorizationHeader(token: string, headerName?: string): string {
  return headerName ? `${headerName}: ${token}` : `Authorization: Bearer ${token}`;
}

/** A curl command that fetches the repo's index.yaml with the token. */
export function curlCommand(repoUrl: string, token: string, headerName?: string): string {
  return `curl -fsSL -H ${shellQuote(authorizationHeader(token, headerName))} ${shellQuote(`${repoUrl.replace(/\/+$/, '')}/index.yaml`)}`;
}

/** The line that hands the token to helm-push (cm-push). */
export function exportLine(token: string): string {
  return `export HELM_REPO_ACCESS_TOKEN=${shellQuote(token)}`;
}
