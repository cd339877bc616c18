import path from 'node:path';

/** Where ChartDesk keeps its data outside Electron: CHARTDESK_HOME, else the OS config folder. */
export function resolveDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, homeDir: string): string {
  if (env.CHARTDESK_HOME) return path.resolve(env.CHARTDESK_HOME);
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(homeDir, 'AppData', 'Roaming'), 'ChartDesk');
  if (platform === 'darwin') return path.join(homeDir, 'Library', 'Application Support', 'ChartDesk');
  const xdg = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(homeDir, '.config');
  return path.join(xdg, 'chartdesk');
}
