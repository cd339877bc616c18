import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/** The web preferences ChartDesk insists on; applied last so no override can weaken them. */
export const ENFORCED_WEB_PREFERENCES: Readonly<WebPreferences> = Object.freeze({
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  enableBlinkFeatures: '',
  navigateOnDragDrop: false,
  safeDialogs: true,
});

/** Builds the options of a ChartDesk window: the caller's, then the enforced security settings last. */
export function buildWindowOptions(preloadPath: string, overrides: BrowserWindowConstructorOptions = {}): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 560,
    title: 'ChartDesk',
    show: false,
    ...overrides,
    webPreferences: {
      ...overrides.webPreferences,
      preload: preloadPath,
      ...ENFORCED_WEB_PREFERENCES,
    },
  };
}
