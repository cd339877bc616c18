import { useId, useState } from 'react';
import { toProblem } from '../../components/problem';
import type { Settings, SettingsChanges } from './types';

const THEMES = [
  { id: 'system', label: 'System' },
  { id: 'light', label: 'Light' },
  { id: 'dark', label: 'Dark' },
] as const;

/** Settings → Appearance: the colour theme (follow the system, or always light or dark). */
export function AppearanceSection({ settings, onChange }: { settings: Settings; onChange: (changes: SettingsChanges) => Promise<unknown> }) {
  const name = useId();
  const [error, setError] = useState<string>();
  const choose = (theme: Settings['theme']) => onChange({ theme }).then(() => setError(undefined), (e: unknown) => setError(toProblem(e).message));
  return (
    <>
      <fieldset className="segmented" data-testid="theme-choice">
        <legend className="visually-hidden">Theme</legend>
        {THEMES.map((theme) => (
          <label key={theme.id} className={settings.theme === theme.id ? 'is-selected' : ''}>
            <input type="radio" name={name} value={theme.id} checked={settings.theme === theme.id} onChange={() => void choose(theme.id)} />
            {theme.label}
          </label>
        ))}
      </fieldset>
      <p className="field-hint">{settings.theme === 'system' ? 'Follows your system’s light or dark appearance, and changes with it.' : `Always ${settings.theme}, whatever the system uses.`}</p>
      {error && <p className="field-error">{error}</p>}
    </>
  );
}
