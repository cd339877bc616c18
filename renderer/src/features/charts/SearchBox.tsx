import type { KeyboardEvent, RefObject } from 'react';

/** Props of the chart search box. */
export interface SearchBoxProps {
  value: string;
  onChange: (value: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>) => void;
  inputRef: RefObject<HTMLInputElement | null>;
  busy: boolean;
  listId: string;
  activeId?: string;
}

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);

/** The search field over the chart list (Ctrl/Cmd+K focuses it; arrows move through the results). */
export function SearchBox({ value, onChange, onKeyDown, inputRef, busy, listId, activeId }: SearchBoxProps) {
  return (
    <div className={`chart-search${busy ? ' busy' : ''}`}>
      <svg className="chart-search-icon" viewBox="0 0 16 16" aria-hidden="true">
        <circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <path d="M10.4 10.4 14 14" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
      <input
        ref={inputRef}
        type="search"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-label="Search charts"
        placeholder="Search charts"
        title="Searches names, keywords and descriptions"
        data-testid="chart-search"
        value={value}
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && value) {
            event.preventDefault();
            onChange('');
            return;
          }
          onKeyDown(event);
        }}
      />
      <kbd className="chart-search-kbd" aria-hidden="true">
        {isMac ? '⌘K' : 'Ctrl K'}
      </kbd>
    </div>
  );
}
