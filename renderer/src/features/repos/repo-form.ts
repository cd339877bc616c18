import type { AuthMode, Dialect, Repo } from './types';

/** The add/edit dialog's fields as typed (the secret is not here: it stays in its own input). */
export interface RepoForm {
  name: string;
  url: string;
  mode: AuthMode;
  username: string;
  dialect: Dialect;
  headerName: string;
  clientId: string;
  caFile: string;
  certFile: string;
  keyFile: string;
  insecureSkipVerify: boolean;
  passCredentialsAll: boolean;
  /** Registries: plain HTTP; undefined follows the host (yes for localhost, no elsewhere), as the core does. */
  plainHttp: boolean | undefined;
}

/** Field name → the sentence shown under it. */
export type FormErrors = Partial<Record<keyof RepoForm, string>>;

/** A blank form for a new repo. */
export function emptyForm(): RepoForm {
  return { name: '', url: '', mode: 'none', username: '', dialect: 'auto', headerName: '', clientId: '', caFile: '', certFile: '', keyFile: '', insecureSkipVerify: false, passCredentialsAll: false, plainHttp: undefined };
}

/** The form filled from an existing repo. */
export function formFromRepo(repo: Repo): RepoForm {
  return {
    name: repo.name,
    url: repo.url,
    mode: repo.auth.mode,
    username: repo.auth.username ?? '',
    dialect: repo.auth.dialect,
    headerName: repo.auth.headerName ?? '',
    clientId: repo.auth.clientId ?? '',
    caFile: repo.tls.caFile ?? '',
    certFile: repo.tls.certFile ?? '',
    keyFile: repo.tls.keyFile ?? '',
    insecureSkipVerify: repo.tls.insecureSkipVerify,
    passCredentialsAll: repo.passCredentialsAll,
    plainHttp: repo.tls.plainHttp,
  };
}

/** True when the URL names an OCI registry: oci://…, or a bare registry reference such as ghcr.io/org/charts (the core decides the same way). */
export function isRegistryUrl(url: string): boolean {
  const text = url.trim();
  if (/^oci:\/\//i.test(text)) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return false;
  const host = text.split('/')[0] ?? '';
  return /^[a-z0-9.-]+(:\d{1,5})?$/i.test(host) && (host.includes('.') || host.includes(':') || /^localhost$/i.test(host));
}

/** The auth mode to keep when the URL changes kind: registries have no ChartMuseum token server, index repos no identity token. */
export function modeForUrl(mode: AuthMode, url: string): AuthMode {
  if (isRegistryUrl(url)) return mode === 'token-server' ? 'basic' : mode;
  return mode === 'identity-token' ? 'token-server' : mode;
}

/** True for a registry on this machine, where plain HTTP is the default. */
export function isLoopbackRegistry(url: string): boolean {
  const host = url.trim().replace(/^oci:\/\//i, '').split('/')[0]?.replace(/:\d+$/, '').toLowerCase() ?? '';
  return host === 'localhost' || host.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(host) || host === '[::1]';
}

/** A name for a repo guessed from its URL's last path parts ("org1-repo1"), for an empty name field. */
export function nameFromUrl(url: string): string {
  try {
    const typed = url.trim();
    const parsed = new URL(isRegistryUrl(typed) ? `https://${typed.replace(/^oci:\/\//i, '')}` : typed.replace(/^cm:\/\//i, 'https://'));
    const parts = parsed.pathname.split('/').filter(Boolean);
    if (/^index\.yaml$/i.test(parts.at(-1) ?? '')) parts.pop();
    return parts.length ? parts.slice(-2).join('-') : parsed.hostname;
  } catch {
    return '';
  }
}

/** The problems that stop the form from being saved, by field. */
export function validateForm(form: RepoForm): FormErrors {
  const errors: FormErrors = {};
  if (!form.name.trim()) errors.name = 'Give the repo a name.';
  const url = form.url.trim();
  if (!url) errors.url = 'Enter the repo URL (the folder that holds index.yaml, or an oci:// registry namespace).';
  else if (!/^(https?|cm|oci):\/\/[^/\s]+/i.test(url) && !isRegistryUrl(url)) errors.url = 'Start the URL with https://, http:// or cm://, or oci:// for a registry.';
  if (form.mode === 'basic' && !form.username.trim()) errors.username = isRegistryUrl(url) ? 'A registry login needs a user name.' : 'Basic authentication needs a user name.';
  if (form.mode !== 'none' && form.headerName && !/^[A-Za-z0-9-]{1,128}$/.test(form.headerName)) errors.headerName = 'Letters, digits and dashes only, e.g. X-Auth-Token.';
  if (Boolean(form.certFile.trim()) !== Boolean(form.keyFile.trim())) errors.keyFile = 'A client certificate needs its key file, and the other way round.';
  return errors;
}

const opt = (value: string) => (value.trim() ? value.trim() : undefined);

/** The settings to send (addRepo's draft, updateRepo's changes); keeps the approved realm of `existing`. */
export function draftFromForm(form: RepoForm, existing?: Repo): Pick<Repo, 'name' | 'url' | 'auth' | 'tls' | 'passCredentialsAll'> {
  const registry = isRegistryUrl(form.url);
  const usesUser = form.mode === 'basic' || form.mode === 'token-server' || form.mode === 'identity-token';
  const auth: Repo['auth'] = {
    mode: form.mode,
    dialect: form.mode === 'token-server' ? form.dialect : 'auto',
    ...(usesUser && opt(form.username) ? { username: form.username.trim() } : {}),
    ...(form.mode !== 'none' && !registry && opt(form.headerName) ? { headerName: form.headerName.trim() } : {}),
    ...(form.mode === 'token-server' && opt(form.clientId) ? { clientId: form.clientId.trim() } : {}),
    ...(existing?.auth.approvedRealmOrigin ? { approvedRealmOrigin: existing.auth.approvedRealmOrigin } : {}),
  };
  const tls: Repo['tls'] = {
    insecureSkipVerify: form.insecureSkipVerify,
    ...(opt(form.caFile) ? { caFile: form.caFile.trim() } : {}),
    ...(opt(form.certFile) ? { certFile: form.certFile.trim() } : {}),
    ...(opt(form.keyFile) ? { keyFile: form.keyFile.trim() } : {}),
    ...(registry && form.plainHttp !== undefined ? { plainHttp: form.plainHttp } : {}),
  };
  return { name: form.name.trim(), url: form.url.trim(), auth, tls, passCredentialsAll: registry ? false : form.passCredentialsAll };
}

/** The label of the secret field for an auth mode. */
export function secretLabel(mode: AuthMode): string {
  return mode === 'basic' ? 'Password' : mode === 'bearer' ? 'Token' : mode === 'identity-token' ? 'Identity token' : 'API key or password';
}
