/**
 * OCI locations as ChartDesk stores them (`oci://host[:port][/namespace…]`) and chart references
 * inside them (`oci://host/namespace/chart[:tag][@digest]`), with the rules of the distribution spec
 * for repository names and tags and Helm's `+` ⇄ `_` convention for versions in tags.
 */
import { ChartDeskError } from '../errors';

/** A registry namespace: the host and the path under which charts live. */
export interface OciLocation {
  /** `host` or `host:port`, lower-cased. */
  host: string;
  /** The namespace path, without leading or trailing slashes; '' for the registry root. */
  namespace: string;
}

/** One chart reference inside a registry. */
export interface OciChartReference extends OciLocation {
  /** The chart's repository name relative to `namespace` (its last path component when parsed from a URL). */
  chart: string;
  tag?: string;
  digest?: string;
}

/** One path component of a repository name (distribution spec). */
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
/** A tag (distribution spec). */
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
/** A sha256 digest. */
const DIGEST = /^sha256:[a-f0-9]{64}$/;
/** A host with an optional port: DNS name, IPv4 or bracketed IPv6. */
const HOST = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::[0-9]{1,5})?$/;

function bad(message: string, hint?: string): ChartDeskError {
  return new ChartDeskError('bad-request', 'oci-url', message, hint ? { hint } : {});
}

/** True for `oci://…`, and for a bare registry reference such as `ghcr.io/org/charts` (a host with a dot or a port, no scheme). */
export function looksLikeOciLocation(text: string): boolean {
  const t = text.trim();
  if (/^oci:\/\//i.test(t)) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(t)) return false;
  const host = t.split('/')[0] ?? '';
  return (host.includes('.') || host.includes(':') || host === 'localhost') && HOST.test(host.toLowerCase());
}

/** True when every component of `name` is a valid repository name component. */
export function isRepositoryPath(name: string): boolean {
  return name.length > 0 && name.length <= 255 && name.split('/').every((part) => COMPONENT.test(part));
}

/** Splits `oci://host/path` (or bare `host/path`) into host and path; refuses user info, queries and fragments. */
function split(text: string): { host: string; path: string } {
  const t = text.trim().replace(/^oci:\/\//i, '');
  if (/[?#\s]/.test(t)) throw bad('An OCI location has no query string, fragment or spaces.', 'Write it like oci://ghcr.io/org/charts.');
  if (t.includes('@') && t.indexOf('@') < (t.indexOf('/') < 0 ? t.length : t.indexOf('/'))) {
    throw bad('The OCI location must not contain a user name or password.', 'Give the user name in the repo’s settings and the password as its secret; secrets go to the keychain.');
  }
  const slash = t.indexOf('/');
  const host = (slash < 0 ? t : t.slice(0, slash)).toLowerCase();
  const path = slash < 0 ? '' : t.slice(slash + 1).replace(/\/+$/, '');
  if (!host || !HOST.test(host)) throw bad(`“${host.slice(0, 80)}” is not a registry host.`, 'Write it like oci://ghcr.io/org/charts or oci://localhost:5000/charts.');
  return { host, path };
}

/** Parses and checks a repo location; the namespace must be a valid repository path (or empty). */
export function parseOciLocation(text: string): OciLocation {
  const { host, path } = split(text);
  if (path && !isRepositoryPath(path)) {
    throw bad(`“${path.slice(0, 120)}” is not a valid registry namespace: use lower-case letters, digits and . _ - separators.`);
  }
  return { host, namespace: path };
}

/** The stored form of a location: `oci://host[:port][/namespace]`. */
export function formatOciLocation(location: OciLocation): string {
  return `oci://${location.host}${location.namespace ? `/${location.namespace}` : ''}`;
}

/** The full repository name of a chart in a namespace (`namespace/chart`). */
export function repositoryOf(location: OciLocation, chart: string): string {
  return location.namespace ? `${location.namespace}/${chart}` : chart;
}

/** Parses `oci://host/namespace/chart[:tag][@digest]`: the chart is the last path component. */
export function parseOciChartReference(text: string): OciChartReference {
  let rest = text.trim();
  let digest: string | undefined;
  const at = rest.lastIndexOf('@');
  if (at > rest.indexOf('/')) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) throw bad(`“${digest.slice(0, 80)}” is not a sha256 digest.`);
  }
  const { host, path } = split(rest);
  let name = path;
  let tag: string | undefined;
  const colon = path.lastIndexOf(':');
  if (colon >= 0 && !path.slice(colon).includes('/')) {
    tag = path.slice(colon + 1);
    name = path.slice(0, colon);
    if (!TAG.test(tagOfVersion(tag))) throw bad(`“${tag.slice(0, 80)}” is not a valid tag.`);
  }
  if (!isRepositoryPath(name)) throw bad(`“${name.slice(0, 120)}” is not a valid chart reference: it needs a chart name after the host.`);
  const parts = name.split('/');
  const chart = parts.pop() as string;
  return { host, namespace: parts.join('/'), chart, ...(tag !== undefined ? { tag } : {}), ...(digest ? { digest } : {}) };
}

/** The chart name relative to `location` of a typed chart: a bare name (may hold `/`), or a full oci:// URL under the location. */
export function chartNameUnder(location: OciLocation, typed: string): string {
  const text = typed.trim();
  if (!looksLikeOciLocation(text)) {
    const name = text.replace(/^\/+|\/+$/g, '');
    if (!isRepositoryPath(name)) throw bad(`“${name.slice(0, 120)}” is not a valid chart name: use lower-case letters, digits and . _ - separators.`);
    return name;
  }
  const ref = parseOciChartReference(text);
  const full = repositoryOf(ref, ref.chart);
  const prefix = location.namespace ? `${location.namespace}/` : '';
  if (ref.host !== location.host || !full.startsWith(prefix)) {
    throw bad(`${formatOciLocation(ref)}/${ref.chart} is not in this repo (${formatOciLocation(location)}).`, 'Add a separate repo for that registry or namespace.');
  }
  return full.slice(prefix.length);
}

/** Helm writes `+` in a version as `_` in the tag (OCI tags cannot hold `+`). */
export function tagOfVersion(version: string): string {
  return version.replaceAll('+', '_');
}

/** The chart version a tag stands for (`_` back to `+`, as Helm reads tags). */
export function versionOfTag(tag: string): string {
  return tag.replaceAll('_', '+');
}

/** True for a valid tag. */
export function isValidTag(tag: string): boolean {
  return TAG.test(tag);
}

/** True for a valid sha256 digest string. */
export function isSha256Digest(text: string): boolean {
  return DIGEST.test(text);
}

/** True when the host names this machine (plain HTTP is the default there, as Docker and Helm users expect of a local registry). */
export function isLoopbackHost(host: string): boolean {
  const name = host.replace(/:\d+$/, '').replace(/^\[|\]$/g, '');
  return name === 'localhost' || name.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(name) || name === '::1';
}

/** The registry's base URL for the HTTP API: `https://host` (or `http://` with plain HTTP). */
export function registryBaseUrl(host: string, plainHttp: boolean): string {
  return `${plainHttp ? 'http' : 'https'}://${host}`;
}
