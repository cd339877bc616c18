import { app, session, shell, type WebContents } from 'electron';
import { isAllowedExternalUrl } from './external-links';

/** Denies navigation, new windows and webviews everywhere; only allow-listed https links open outside. */
export function installNavigationGuards(): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.setWindowOpenHandler(({ url }) => {
      // A failure to open the browser must not become an unhandled rejection in the main process.
      if (isAllowedExternalUrl(url)) shell.openExternal(url).catch(() => undefined);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

/** Denies every permission request except writing to the clipboard. */
export function installPermissionGuards(): void {
  const allowed = new Set(['clipboard-sanitized-write']);
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(allowed.has(permission)));
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => allowed.has(permission));
}
