import { useState } from 'react';
import { toProblem } from '../../components/problem';
import { useToasts } from '../../components/Toasts';

/**
 * A masked secret with Reveal/Hide: `reveal` is called only when the user clicks Reveal, and the
 * value leaves the page again on Hide. Generic: used for the stored secret and for tokens.
 */
export function RevealedSecret({ reveal, masked = '••••••••••••', label = 'secret', testId = 'revealed-secret' }: { reveal: () => Promise<string>; masked?: string; label?: string; testId?: string }) {
  const [value, setValue] = useState<string>();
  const [busy, setBusy] = useState(false);
  const toasts = useToasts();
  const toggle = async () => {
    if (value !== undefined) return setValue(undefined);
    setBusy(true);
    try {
      setValue(await reveal());
    } catch (error) {
      toasts.show(`Could not reveal the ${label}: ${toProblem(error).message}`, 'error');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="revealed">
      <code className={value === undefined ? 'revealed-value is-masked' : 'revealed-value'} data-testid={testId} aria-label={value === undefined ? `${label} (hidden)` : label}>
        {value ?? masked}
      </code>
      <button type="button" onClick={toggle} disabled={busy} aria-pressed={value !== undefined}>
        {value === undefined ? `Reveal ${label}` : `Hide ${label}`}
      </button>
    </div>
  );
}
