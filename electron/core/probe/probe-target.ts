/** What a typed repo URL asks to probe: an HTTP folder that should hold index.yaml, or a registry namespace; read as the repo store reads it. */
import { ChartDeskError } from '../errors';
import { isLoopbackHost, looksLikeOciLocation, parseOciLocation, registryBaseUrl, type OciLocation } from '../oci/oci-location';
import { normalizeRepoUrl } from '../store/repo-url';

/** An HTTP chart repo candidate. */
export interface HttpTarget {
  kind: 'http';
  /** The folder as the store would keep it (cm:// made http(s), a pasted `…/index.yaml` cut back). */
  folder: string;
  /** True when the typed text ended in `/index.yaml` (the file, not its folder). */
  pastedIndex: boolean;
}

/** A registry namespace candidate. */
export interface OciTarget extends OciLocation {
  kind: 'oci';
  /** The registry's API base (`https://host`, or `http://` with plain HTTP). */
  base: string;
  plainHttp: boolean;
  /** True when the text said `oci://`; a bare `host:port/path` may just as well be an HTTP repo without its scheme. */
  explicit: boolean;
  /** The `oci://host/namespace` location to store. */
  location: string;
}

/** One of the two. */
export type ProbeTarget = HttpTarget | OciTarget;

/** Reads typed text as a probe target; throws ChartDeskError('bad-request') with a sentence when it is neither. */
export function readProbeTarget(typed: string, options: { cmUsesHttp: boolean; plainHttp?: boolean | undefined }): ProbeTarget {
  const text = typed.trim();
  if (looksLikeOciLocation(text)) {
    const location = parseOciLocation(text);
    return ociTarget(location, /^oci:\/\//i.test(text), options.plainHttp);
  }
  if (!/^(https?|cm):\/\//i.test(text)) {
    throw new ChartDeskError('bad-request', 'probe', 'Start the URL with https://, http:// or cm://, or oci:// for a registry.');
  }
  const folder = normalizeRepoUrl(text, options.cmUsesHttp);
  const pastedIndex = /\/index\.yaml\/*$/i.test(new URL(text.replace(/^cm:\/\//i, 'https://')).pathname) && !text.includes('?');
  return { kind: 'http', folder, pastedIndex };
}

/** The registry target of a location. */
export function ociTarget(location: OciLocation, explicit: boolean, plainHttp?: boolean): OciTarget {
  const plain = plainHttp ?? isLoopbackHost(location.host);
  return {
    kind: 'oci',
    ...location,
    base: registryBaseUrl(location.host, plain),
    plainHttp: plain,
    explicit,
    location: `oci://${location.host}${location.namespace ? `/${location.namespace}` : ''}`,
  };
}

/** The folder one level up of an HTTP folder, or undefined at the root. */
export function parentFolder(folder: string): string | undefined {
  const url = new URL(folder);
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts.length === 0) return undefined;
  url.pathname = `/${parts.slice(0, -1).join('/')}`;
  return url.toString().replace(/\/+$/, '');
}

/** The last path part of a folder when it looks like a file someone pasted (index.yml, index.json, a .tgz). */
export function fileLikeTail(folder: string): string | undefined {
  const tail = new URL(folder).pathname.split('/').filter(Boolean).pop();
  return tail && /\.(ya?ml|json|tgz|tar\.gz|html?)$/i.test(tail) ? tail : undefined;
}

/** The registry location of an HTTP folder (`http://host:5000/charts` → `oci://host:5000/charts`), when its path is a valid namespace. */
export function ociLocationOfFolder(folder: string): OciLocation | undefined {
  const url = new URL(folder);
  try {
    return parseOciLocation(`${url.host}${url.pathname}`);
  } catch {
    return undefined;
  }
}
