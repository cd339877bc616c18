import { Menu, type MenuItemConstructorOptions } from 'electron';

/** What the menu's own items do (items with a role need nothing). */
export interface MenuActions {
  /** Settings… (Ctrl+, / Cmd+,): shows the Settings view. */
  openSettings: () => void;
}

/** The application menu; Edit holds the roles that make copy and paste work, View has no Reload. */
export function installMenu(isMac: boolean, isPackaged: boolean, actions: MenuActions): void {
  const settings: MenuItemConstructorOptions = { label: 'Settings…', accelerator: 'CmdOrCtrl+,', click: () => actions.openSettings() };
  const template: MenuItemConstructorOptions[] = [
    ...(isMac
      ? [
          {
            label: 'ChartDesk',
            submenu: [
              { role: 'about' as const },
              { type: 'separator' as const },
              settings,
              { type: 'separator' as const },
              { role: 'services' as const },
              { type: 'separator' as const },
              { role: 'hide' as const },
              { role: 'hideOthers' as const },
              { role: 'unhide' as const },
              { type: 'separator' as const },
              { role: 'quit' as const },
            ],
          },
        ]
      : []),
    isMac ? { role: 'fileMenu' } : { label: 'File', submenu: [settings, { type: 'separator' }, { role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      // No Reload item: Ctrl/Cmd+R and F5 belong to the page (reconnect, refresh the index).
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    { role: 'windowMenu' },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
