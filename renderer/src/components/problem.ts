import { ApiError } from '../api/client';

/** A failure as the UI shows it: what kind, which step failed, why, and what to do next. */
export interface Problem {
  kind: string;
  step: string;
  message: string;
  hint?: string | undefined;
}

/** Turns anything thrown (an ApiError from the core, a browser error, a string) into a Problem. */
export function toProblem(error: unknown): Problem {
  if (error instanceof ApiError) return { kind: error.kind, step: error.step, message: error.message, hint: error.hint };
  if (error instanceof Error) return { kind: 'internal', step: 'ui', message: error.message };
  return { kind: 'internal', step: 'ui', message: String(error) };
}
