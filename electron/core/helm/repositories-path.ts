/** Where Helm keeps its repositories.yaml (Helm's helmpath rules). */
import path from 'node:path';

/**
 * HELM_REPOSITORY_CONFIG when set; else `repositories.yaml` in Helm's config folder:
 * HELM_CONFIG_HOME, else $XDG_CONFIG_HOME/helm (honoured on every OS, as Helm does), else
 * ~/.config/helm on Linux, ~/Library/Preferences/helm on macOS, %APPDATA%\helm on Windows.
 */
export function helmRepositoryConfigPath(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, homeDir: string): string {
  const p = platform === 'win32' ? path.win32 : path.posix;
  if (env.HELM_REPOSITORY_CONFIG) return p.resolve(env.HELM_REPOSITORY_CONFIG);
  return p.join(helmConfigHome(p, env, platform, homeDir), 'repositories.yaml');
}

/** Helm's config folder (HELM_CONFIG_HOME, else XDG_CONFIG_HOME/helm, else the OS default). */
export function helmConfigHome(p: path.PlatformPath, env: NodeJS.ProcessEnv, platform: NodeJS.Platform, homeDir: string): string {
  if (env.HELM_CONFIG_HOME) return p.resolve(env.HELM_CONFIG_HOME);
  if (env.XDG_CONFIG_HOME) return p.join(env.XDG_CONFIG_HOME, 'helm');
  if (platform === 'win32') return p.join(env.APPDATA ?? p.join(homeDir, 'AppData', 'Roaming'), 'helm');
  if (platform === 'darwin') return p.join(homeDir, 'Library', 'Preferences', 'helm');
  return p.join(homeDir, '.config', 'helm');
}
