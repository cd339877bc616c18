import { useEffect } from 'react';
import { api } from '../../api/client';
import { SHORTCUTS, useShortcut } from '../../hooks/useShortcut';
import { applyTheme } from '../../theme';
import { useSettings, type SettingsApi } from './useSettings';

/**
 * What the window needs from Settings: the settings themselves, the chosen theme applied to the
 * page, and the ways to open the view (Ctrl/Cmd+, and the desktop app's Settings… menu item).
 */
export function useSettingsShell(openSettings: () => void): SettingsApi {
  const settings = useSettings();
  const theme = settings.state.status === 'ready' ? settings.state.value.theme : undefined;
  useEffect(() => {
    if (theme) applyTheme(theme);
  }, [theme]);
  useShortcut(SHORTCUTS.settings, openSettings);
  useEffect(
    () =>
      api.onMenuCommand(({ command }) => {
        if (command === 'open-settings') openSettings();
      }),
    [openSettings],
  );
  return settings;
}
