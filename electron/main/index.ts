/** The Electron main process: composition root of the desktop app. */
import { app, BrowserWindow, nativeTheme, shell } from 'electron';
import path from 'node:path';
import { bootCore } from '../core/boot';
import { primeFirstScreen } from '../core/prime';
import type { Core } from '../core/app-core';
import { createStreamLogger } from '../core/log';
import { installNavigationGuards, installPermissionGuards } from './guards';
import { forwardEvents, registerIpcHandlers } from './ipc';
import { installMenu } from './menu';
import { registerAppScheme, serveRenderer } from './protocol';
import { APP_ORIGIN } from './trusted-sender';
import { buildWindowOptions } from './window-options';
import { appHelperProgram, helperModeArgs, runHelperMode } from './helper-mode';

const log = createStreamLogger();

const helperArgs = helperModeArgs(process.argv);

if (helperArgs) {
  // docker-credential-chartdesk through the app: no window, no single-instance lock (a running app is fine).
  void runHelperMode(helperArgs);
} else {
  startApp();
}

/** The desktop app: the window, the core and its IPC. */
function startApp(): void {
  registerAppScheme();
  installNavigationGuards();

  if (!app.requestSingleInstanceLock()) {
    app.quit();
  } else {
    let mainWindow: BrowserWindow | undefined;
    let core: Core | undefined;

    app.on('second-instance', () => {
      if (!mainWindow) return;
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    });

    app.on('window-all-closed', () => {
      if (process.platform !== 'darwin') app.quit();
    });

    app
      .whenReady()
      .then(async () => {
        installPermissionGuards();
        installMenu(process.platform === 'darwin', app.isPackaged, {
          openSettings: () => core?.context.events.emit('menuCommand', { command: 'open-settings' }),
        });
        serveRenderer(path.join(__dirname, 'renderer'));
        // Worker threads cannot run from inside app.asar: the worker ships unpacked beside it.
        const indexWorkerPath = path.join(__dirname, 'index-worker.cjs').replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`);
        const openFolder = async (dir: string) => {
          const failure = await shell.openPath(dir);
          if (failure) throw new Error(failure);
        };
        const booted = await bootCore({ transport: 'electron', dataDir: app.getPath('userData'), log, indexWorkerPath, openFolder, helperProgram: appHelperProgram() });
        core = booted;
        registerIpcHandlers(booted.dispatcher);
        // Read the repo list, settings and keychain status while the window is made, so its first calls find them ready.
        void primeFirstScreen(booted.dispatcher);
        // Native parts (menus, dialogs, the title bar) follow the theme chosen in Settings.
        nativeTheme.themeSource = booted.context.settings.current().theme;
        booted.context.events.subscribe((name, payload) => {
          if (name === 'settingsChanged') nativeTheme.themeSource = (payload as { settings: { theme: 'system' | 'light' | 'dark' } }).settings.theme;
        });

        const open = () => {
          const window = new BrowserWindow(buildWindowOptions(path.join(__dirname, 'preload.cjs')));
          const stopEvents = forwardEvents(booted.context.events, window);
          window.once('ready-to-show', () => window.show());
          window.on('closed', () => {
            stopEvents();
            mainWindow = undefined;
          });
          void window.loadURL(`${APP_ORIGIN}/index.html`);
          mainWindow = window;
        };
        open();
        app.on('activate', () => {
          if (BrowserWindow.getAllWindows().length === 0) open();
        });
      })
      .catch((error: unknown) => {
        log.error('start-up failed', { error: error instanceof Error ? error.message : String(error) });
        app.exit(1);
      });
  }
}
