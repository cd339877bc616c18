import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import './components.css';

/** One tab of a Tabs strip. */
export interface TabSpec<Id extends string> {
  id: Id;
  label: ReactNode;
}

/**
 * An accessible tab strip (role="tablist", arrow keys, Home/End) controlling panels rendered with
 * `<TabPanel>` using the same `idPrefix`. Only the selected tab is in the Tab order.
 */
export function Tabs<Id extends string>({ tabs, selected, onSelect, label, idPrefix }: { tabs: readonly TabSpec<Id>[]; selected: Id; onSelect: (id: Id) => void; label: string; idPrefix: string }) {
  const refs = useRef(new Map<Id, HTMLButtonElement>());
  const onKeyDown = (event: KeyboardEvent) => {
    const at = tabs.findIndex((t) => t.id === selected);
    const target =
      event.key === 'ArrowRight' ? (at + 1) % tabs.length : event.key === 'ArrowLeft' ? (at - 1 + tabs.length) % tabs.length : event.key === 'Home' ? 0 : event.key === 'End' ? tabs.length - 1 : -1;
    const tab = tabs[target];
    if (!tab) return;
    event.preventDefault();
    onSelect(tab.id);
    refs.current.get(tab.id)?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          ref={(el) => {
            if (el) refs.current.set(tab.id, el);
            else refs.current.delete(tab.id);
          }}
          type="button"
          role="tab"
          id={`${idPrefix}-tab-${tab.id}`}
          aria-selected={tab.id === selected}
          aria-controls={`${idPrefix}-panel-${tab.id}`}
          tabIndex={tab.id === selected ? 0 : -1}
          className={tab.id === selected ? 'tab is-selected' : 'tab'}
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

/** The panel of the selected tab of a `<Tabs>` strip with the same `idPrefix`. */
export function TabPanel({ idPrefix, tabId, children }: { idPrefix: string; tabId: string; children: ReactNode }) {
  return (
    <div className="tab-panel" role="tabpanel" id={`${idPrefix}-panel-${tabId}`} aria-labelledby={`${idPrefix}-tab-${tabId}`}>
      {children}
    </div>
  );
}
