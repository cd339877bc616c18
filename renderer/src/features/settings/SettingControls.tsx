import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Field } from '../../components/Field';
import { toProblem } from '../../components/problem';

/** Saves one setting; rejects with the core's reason. */
type Save<T> = (value: T) => Promise<unknown>;

/** Runs a save and keeps its error message (undefined once it worked). */
function useSave<T>(save: Save<T>): { error: string | undefined; busy: boolean; run: (value: T) => Promise<boolean> } {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async (value: T) => {
    setBusy(true);
    try {
      await save(value);
      setError(undefined);
      return true;
    } catch (failure) {
      setError(toProblem(failure).message);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, run };
}

/** Calls `reset` (during render, as React recommends) when the saved value changes, e.g. in another window. */
function useDraftReset<T>(value: T, reset: () => void): void {
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    reset();
  }
}

/** Saves on Enter, like leaving the field. */
const commitOnEnter = (event: KeyboardEvent<HTMLInputElement>) => {
  if (event.key === 'Enter') event.currentTarget.blur();
};

/** A whole number with a unit, saved when the field is left (or Enter); an out-of-range value is explained and not saved. */
export function NumberSetting({ label, hint, unit, value, min, max, onSave, testId }: { label: string; hint?: ReactNode; unit: string; value: number; min: number; max: number; onSave: Save<number>; testId?: string }) {
  const [draft, setDraft] = useState(String(value));
  const [rangeError, setRangeError] = useState<string>();
  const { error, run } = useSave(onSave);
  useDraftReset(value, () => setDraft(String(value)));
  const commit = async () => {
    const next = Number(draft);
    if (!/^\d+$/.test(draft.trim()) || next < min || next > max) {
      setRangeError(`Give a whole number from ${min} to ${max}.`);
      return;
    }
    setRangeError(undefined);
    if (next !== value && !(await run(next))) setDraft(String(value));
  };
  return (
    <Field label={label} hint={hint} error={rangeError ?? error} className="setting-number">
      {(p) => (
        <span className="setting-with-unit">
          <input {...p} type="number" inputMode="numeric" min={min} max={max} value={draft} onChange={(e) => setDraft(e.target.value)} onBlur={() => void commit()} onKeyDown={commitOnEnter} data-testid={testId} />
          <span className="muted">{unit}</span>
        </span>
      )}
    </Field>
  );
}

/** A line of text, saved when the field is left (or Enter); the core's reason shows when it refuses it. */
export function TextSetting({ label, hint, value, placeholder, onSave, testId }: { label: string; hint?: ReactNode; value: string; placeholder?: string; onSave: Save<string>; testId?: string }) {
  const [draft, setDraft] = useState(value);
  const { error, run } = useSave(onSave);
  useDraftReset(value, () => setDraft(value));
  const commit = async () => {
    if (draft.trim() !== value) await run(draft.trim());
  };
  return (
    <Field label={label} hint={hint} error={error}>
      {(p) => <input {...p} value={draft} placeholder={placeholder} spellCheck={false} onChange={(e) => setDraft(e.target.value)} onBlur={() => void commit()} onKeyDown={commitOnEnter} data-testid={testId} />}
    </Field>
  );
}

/** An on/off setting, saved at once, with a sentence that says what it means. */
export function SwitchSetting({ label, hint, checked, onSave, testId }: { label: string; hint: ReactNode; checked: boolean; onSave: Save<boolean>; testId?: string }) {
  const hintId = useId();
  const { error, busy, run } = useSave(onSave);
  return (
    <div className="setting-switch">
      <label className="switch">
        <input type="checkbox" role="switch" checked={checked} disabled={busy} aria-describedby={hintId} onChange={(e) => void run(e.target.checked)} data-testid={testId} />
        <span className="switch-track" aria-hidden="true" />
        {label}
      </label>
      <p className="field-hint" id={hintId}>
        {hint}
      </p>
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}
