import { useEffect, useState } from 'react';
import { copyText } from './clipboard';
import { toProblem } from './problem';
import { useToasts } from './Toasts';
import './components.css';

/** Props of CopyButton. */
export interface CopyButtonProps {
  /** The button's visible text, e.g. "Copy token". */
  label: string;
  /**
   * Produces the text at click time, so a secret is fetched (revealToken, revealCredential) only
   * when the user asks and never sits in the page.
   */
  getText: () => string | Promise<string>;
  /** Accessible name when it differs from the label (e.g. "Copy line 2"); stays the same while "Copied" shows. */
  ariaLabel?: string;
  className?: string;
  testId?: string;
  /** Disables the button. */
  disabled?: boolean;
}

/** A button that copies text produced at click time and says "Copied" for a moment. */
export function CopyButton({ label, getText, ariaLabel, className, testId, disabled }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'busy' | 'copied'>('idle');
  const toasts = useToasts();
  useEffect(() => {
    if (state !== 'copied') return undefined;
    const timer = setTimeout(() => setState('idle'), 1600);
    return () => clearTimeout(timer);
  }, [state]);
  const onClick = async () => {
    setState('busy');
    try {
      await copyText(await getText());
      setState('copied');
    } catch (error) {
      setState('idle');
      toasts.show(`Could not copy: ${toProblem(error).message}`, 'error');
    }
  };
  return (
    <button type="button" className={`copy-button ${className ?? ''} ${state === 'copied' ? 'is-copied' : ''}`} onClick={onClick} disabled={disabled || state === 'busy'} aria-label={ariaLabel ?? label} data-testid={testId} data-state={state}>
      <span aria-live="polite">{state === 'copied' ? '✓ Copied' : label}</span>
    </button>
  );
}
