import { useState, type RefObject } from 'react';
import type { FieldControlProps } from './Field';
import './components.css';

/**
 * A password input for a secret the user types once. It is uncontrolled (read it through
 * `inputRef` on submit, then clear it) so the secret never lands in React state or a DOM
 * attribute; "Show" lets the user check what they typed.
 */
export function SecretInput({ inputRef, placeholder, testId, ...field }: FieldControlProps & { inputRef: RefObject<HTMLInputElement | null>; placeholder?: string; testId?: string }) {
  const [visible, setVisible] = useState(false);
  return (
    <div className="secret-input">
      <input {...field} ref={inputRef} type={visible ? 'text' : 'password'} autoComplete="off" spellCheck={false} placeholder={placeholder} data-testid={testId} />
      <button type="button" className="secret-toggle" onClick={() => setVisible((v) => !v)} aria-pressed={visible} aria-label={visible ? 'Hide what you typed' : 'Show what you typed'}>
        {visible ? 'Hide' : 'Show'}
      </button>
    </div>
  );
}
