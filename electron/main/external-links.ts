/** Hosts whose https pages may be opened in the system browser from rendered READMEs and chart homes. */
export const EXTERNAL_HOST_ALLOW_LIST: readonly string[] = [
  'github.com',
  'gitlab.com',
  'artifacthub.io',
  'helm.sh',
  'kubernetes.io',
  'chartmuseum.com',
  'bitnami.com',
  'grafana.com',
  'argoproj.github.io',
  'cilium.io',
];

/** True for https URLs on an allow-listed host or one of its subdomains; nothing else leaves the app. */
export function isAllowedExternalUrl(raw: string, allowList: readonly string[] = EXTERNAL_HOST_ALLOW_LIST): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password) return false;
  const host = url.hostname.toLowerCase();
  return allowList.some((allowed) => host === allowed || host.endsWith(`.${allowed}`));
}
