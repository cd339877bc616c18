import type { ReactNode } from 'react';
import type { Problem } from './problem';
import './components.css';

const STEP_WORDS: Record<string, string> = {
  challenge: 'the challenge (asking the repo without credentials)',
  token: 'the token request (asking the token server)',
  retry: 'the retry (sending the token to the repo)',
  request: 'the request to the repo',
  redirect: 'a redirect',
};

/** The words for a flow step, e.g. "the token request (asking the token server)". */
export function stepWords(step: string): string {
  return STEP_WORDS[step] ?? step;
}

/**
 * A failure as the user reads it (role="alert"): the step that failed, the message, the hint, and
 * optional action buttons (`children`). Use it for every error state so they look alike.
 */
export function ErrorBox({ problem, title, children, testId }: { problem: Problem; title?: string; children?: ReactNode; testId?: string }) {
  return (
    <div className="error-box" role="alert" data-testid={testId ?? 'error-box'} data-kind={problem.kind} data-step={problem.step}>
      <p className="error-box-title">
        <strong>{title ?? 'Something went wrong'}</strong>
        <span className="error-box-step">
          Failed at {stepWords(problem.step)} · <code>{problem.kind}</code>
        </span>
      </p>
      <p className="error-box-message">{problem.message}</p>
      {problem.hint && <p className="error-box-hint">{problem.hint}</p>}
      {children && <div className="error-box-actions">{children}</div>}
    </div>
  );
}
