import { spawn } from 'node:child_process';

/** True when a graphical session exists to open a browser in. */
export function hasDisplay(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): boolean {
  if (platform === 'win32' || platform === 'darwin') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** Opens a URL in the default browser; failures are reported, never thrown. */
export function openInBrowser(url: string, platform: NodeJS.Platform, onError: (message: string) => void): void {
  const [command, args] =
    platform === 'darwin' ? ['open', [url]] : platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', (error) => onError(`Could not open a browser (${error.message}); open the URL above yourself.`));
    child.unref();
  } catch (error) {
    onError(`Could not open a browser (${(error as Error).message}); open the URL above yourself.`);
  }
}
