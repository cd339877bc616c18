import { useId } from 'react';

/** The operation a token is asked for: pull (browse) or pull,push (push and delete). */
export type Scope = 'pull' | 'push';

/** A two-way radio group choosing pull or pull,push. */
export function ScopePicker({ value, onChange, disabled }: { value: Scope; onChange: (scope: Scope) => void; disabled?: boolean }) {
  const name = useId();
  return (
    <fieldset className="segmented" disabled={disabled}>
      <legend className="visually-hidden">Scope</legend>
      {(['pull', 'push'] as const).map((scope) => (
        <label key={scope} className={value === scope ? 'is-selected' : ''}>
          <input type="radio" name={name} value={scope} checked={value === scope} onChange={() => onChange(scope)} />
          {scope === 'pull' ? 'pull' : 'pull,push'}
        </label>
      ))}
    </fieldset>
  );
}
