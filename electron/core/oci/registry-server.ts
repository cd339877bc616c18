/**
 * Registry server addresses as Docker, Helm, Podman and their credential helpers write them
 * ("ghcr.io", "localhost:5000", "https://index.docker.io/v1/"), and the OCI locations they stand for.
 */
import { formatOciLocation, parseOciLocation } from './oci-location';

/** The name ChartDesk's credential helper goes by in credHelpers (the program is docker-credential-chartdesk). */
export const CHARTDESK_HELPER = 'chartdesk';

/** Docker Hub's registry host, whatever alias a tool wrote. */
const DOCKER_HUB = 'registry-1.docker.io';

function bareServer(server: string): string {
  return server.trim().replace(/^[a-z]+:\/\//i, '').replace(/\/+(v1|v2)\/?$/i, '').replace(/\/+$/, '');
}

/** The OCI location a server key stands for ("https://index.docker.io/v1/" is Docker Hub's API host). */
export function locationOfServer(server: string): string {
  const bare = bareServer(server);
  const dockerHub = /^(index\.)?docker\.io$/i.test(bare);
  return formatOciLocation(parseOciLocation(dockerHub ? DOCKER_HUB : bare));
}

/** The registry host (`host[:port]`, lower-cased) a server address names; Docker Hub's aliases are one host. Throws on an address that is not one. */
export function registryHostOfServer(server: string): string {
  return parseOciLocation(locationOfServer(server)).host;
}

/** The key Docker, Helm (oras) and containers/image look a host up by in `credHelpers`: Docker Hub is "index.docker.io". */
export function credHelpersKeyOf(host: string): string {
  return host === DOCKER_HUB ? 'index.docker.io' : host;
}
