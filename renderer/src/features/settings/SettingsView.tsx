import { KeyringPanel } from '../provenance/KeyringPanel';
import { useState, type ReactNode } from 'react';
import { ErrorBox } from '../../components/ErrorBox';
import { toProblem } from '../../components/problem';
import { Loading } from '../../components/States';
import { AboutSection } from './AboutSection';
import { AppearanceSection } from './AppearanceSection';
import { ChartsSection } from './ChartsSection';
import { KeychainSection } from './KeychainSection';
import { NetworkSection } from './NetworkSection';
import { StorageSection } from './StorageSection';
import { TransferSection } from './TransferSection';
import type { Settings } from './types';
import type { SettingsApi } from './useSettings';
import './settings.css';

/** What a section gets. */
interface SectionProps {
  settings: SettingsApi;
  onKeychainChanged: () => void;
}

/** One section of the Settings view: its nav label, heading, one-line summary and body. */
interface SettingsSectionSpec {
  id: string;
  title: string;
  summary: string;
  render: (props: SectionProps & { values: Settings }) => ReactNode;
}

/** The sections, in nav order. Add a section by adding an entry here. */
export const SETTINGS_SECTIONS: readonly SettingsSectionSpec[] = [
  { id: 'appearance', title: 'Appearance', summary: 'The colour theme.', render: ({ values, settings }) => <AppearanceSection settings={values} onChange={settings.update} /> },
  { id: 'network', title: 'Network', summary: 'Defaults for every repo: timeouts, proxy, extra CA file. A repo’s own TLS settings win.', render: ({ values, settings }) => <NetworkSection settings={values} onChange={settings.update} /> },
  { id: 'charts', title: 'Charts', summary: 'Index size cap, freshness and chart icons.', render: ({ values, settings }) => <ChartsSection settings={values} onChange={settings.update} /> },
  { id: 'storage', title: 'Storage', summary: 'What the caches hold, their size on disk, and the data folder.', render: ({ values, settings }) => <StorageSection settings={values} onChange={settings.update} /> },
  {
    id: 'keychain',
    title: 'Keychain',
    summary: 'Where your secrets live.',
    render: ({ values, settings, onKeychainChanged }) => <KeychainSection settings={values} onChange={settings.update} onKeychainChanged={onKeychainChanged} />,
  },
  { id: 'keyring', title: 'OpenPGP keys', summary: 'The keys chart provenance is checked against, and your signing keys.', render: () => <KeyringPanel /> },
  { id: 'transfer', title: 'Move to a new machine', summary: 'Every repo in one file, with or without its secrets.', render: () => <TransferSection /> },
  { id: 'about', title: 'About', summary: 'Versions, the data folder and a diagnostics report.', render: () => <AboutSection /> },
];

/** The Settings view (app menu, Ctrl/Cmd+, or the title bar): a list of sections on the left, the chosen one on the right. */
export function SettingsView({ settings, onKeychainChanged }: SectionProps) {
  const [current, setCurrent] = useState(SETTINGS_SECTIONS[0]?.id ?? 'appearance');
  const section = SETTINGS_SECTIONS.find((s) => s.id === current) ?? SETTINGS_SECTIONS[0];
  return (
    <section className="settings-view" aria-labelledby="settings-title" data-testid="settings-view">
      <header className="view-head">
        <h2 id="settings-title">Settings</h2>
        <p className="muted">Changes apply at once and are kept in settings.json in the data folder.</p>
      </header>
      <div className="settings-layout">
        <nav className="settings-nav" aria-label="Settings sections">
          {SETTINGS_SECTIONS.map((s) => (
            <button key={s.id} type="button" className={s.id === section?.id ? 'nav-button is-current' : 'nav-button'} aria-current={s.id === section?.id ? 'page' : undefined} onClick={() => setCurrent(s.id)}>
              {s.title}
            </button>
          ))}
        </nav>
        {section && (
          <div className="panel settings-panel" data-testid={`settings-${section.id}`}>
            <h3 className="settings-section-title">{section.title}</h3>
            <p className="muted settings-summary">{section.summary}</p>
            {settings.state.status === 'ready' ? (
              section.render({ settings, onKeychainChanged, values: settings.state.value })
            ) : settings.state.status === 'error' ? (
              <ErrorBox problem={toProblem(settings.state.error)} title="The settings could not be read" />
            ) : (
              <Loading label="Reading the settings…" />
            )}
          </div>
        )}
      </div>
    </section>
  );
}
