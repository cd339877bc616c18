import { NumberSetting, SwitchSetting } from './SettingControls';
import type { Settings, SettingsChanges } from './types';

/** Settings → Charts: the index size cap, how long an index counts as fresh, icons from other hosts. */
export function ChartsSection({ settings, onChange }: { settings: Settings; onChange: (changes: SettingsChanges) => Promise<unknown> }) {
  return (
    <>
      <div className="setting-grid">
        <NumberSetting label="Index size cap" unit="MB" min={1} max={2048} value={settings.maxIndexMb} onSave={(v) => onChange({ maxIndexMb: v })} hint="A bigger index.yaml is refused instead of downloaded." testId="setting-index-cap" />
        <NumberSetting label="Index counts as fresh for" unit="min" min={1} max={10080} value={settings.indexFreshMinutes} onSave={(v) => onChange({ indexFreshMinutes: v })} hint="After that the index bar says when it was last confirmed; Refresh checks again." testId="setting-index-fresh" />
      </div>
      <SwitchSetting
        label="Load chart icons from other hosts"
        checked={settings.iconsFromOtherHosts}
        onSave={(v) => onChange({ iconsFromOtherHosts: v })}
        hint={settings.iconsFromOtherHosts ? 'Icons are fetched wherever the index points (without the repo’s credentials unless the repo allows it).' : 'Only icons on the repo’s own host are fetched; the others show the chart’s initial, and no other host learns what you browse.'}
        testId="setting-icons-other-hosts"
      />
    </>
  );
}
