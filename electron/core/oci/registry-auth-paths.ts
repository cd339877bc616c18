/** Where Docker, Helm and Podman keep registry logins (each tool's own rules for its environment variables and defaults). */
import path from 'node:path';
import type { z } from 'zod';
import type { RegistryAuthFormat } from '../../contract/repos';
import { helmConfigHome } from '../helm/repositories-path';

/** One registry auth file and the tool that writes it. */
export interface RegistryAuthFile {
  path: string;
  format: z.output<typeof RegistryAuthFormat>;
}

/**
 * Docker: $DOCKER_CONFIG/config.json, else ~/.docker/config.json. Helm: $HELM_REGISTRY_CONFIG, else
 * <Helm's config folder>/registry/config.json. Podman and skopeo: $REGISTRY_AUTH_FILE, else
 * $XDG_RUNTIME_DIR/containers/auth.json (Linux).
 */
export function registryAuthFiles(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, homeDir: string): RegistryAuthFile[] {
  const p = platform === 'win32' ? path.win32 : path.posix;
  const files: RegistryAuthFile[] = [
    { format: 'docker', path: env.DOCKER_CONFIG ? p.join(env.DOCKER_CONFIG, 'config.json') : p.join(homeDir, '.docker', 'config.json') },
    { format: 'helm', path: env.HELM_REGISTRY_CONFIG ? p.resolve(env.HELM_REGISTRY_CONFIG) : p.join(helmConfigHome(p, env, platform, homeDir), 'registry', 'config.json') },
  ];
  if (env.REGISTRY_AUTH_FILE) files.push({ format: 'podman', path: p.resolve(env.REGISTRY_AUTH_FILE) });
  else if (env.XDG_RUNTIME_DIR) files.push({ format: 'podman', path: p.join(env.XDG_RUNTIME_DIR, 'containers', 'auth.json') });
  return files;
}

/** The format of a file the user picked, guessed from its path. */
export function formatOfPath(file: string): RegistryAuthFile['format'] {
  if (/containers[\\/]auth\.json$|auth\.json$/i.test(file)) return 'podman';
  if (/helm[\\/]registry[\\/]config\.json$/i.test(file)) return 'helm';
  return 'docker';
}
