/** The kinds of failure ChartDesk reports; each maps to a sentence a user understands. */
export const ERROR_KINDS = [
  'bad-request',
  'not-found',
  'network',
  'tls',
  'timeout',
  'challenge-malformed',
  'token-server-rejected',
  'scope-denied',
  'repo-rejected-token',
  'realm-mismatch',
  'too-large',
  'credentials-rejected',
  'cancelled',
  'http',
  'keychain',
  'store',
  'index-invalid',
  'chart-invalid',
  'digest-mismatch',
  'conflict',
  'passphrase-required',
  'passphrase-incorrect',
  'internal',
] as const;

/** One of ERROR_KINDS. */
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** A failure with a kind, the step that failed and a message that holds no secret. */
export class ChartDeskError extends Error {
  readonly kind: ErrorKind;
  readonly step: string;
  readonly hint: string | undefined;

  constructor(kind: ErrorKind, step: string, message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ChartDeskError';
    this.kind = kind;
    this.step = step;
    this.hint = options.hint;
  }
}

/** The plain-data form of an error that crosses a transport. */
export interface SerializedError {
  kind: ErrorKind;
  step: string;
  message: string;
  hint?: string;
}

/** Turns any thrown value into a SerializedError without leaking internals. */
export function serializeError(error: unknown): SerializedError {
  if (error instanceof ChartDeskError) {
    const out: SerializedError = { kind: error.kind, step: error.step, message: error.message };
    if (error.hint !== undefined) out.hint = error.hint;
    return out;
  }
  return { kind: 'internal', step: 'internal', message: 'An unexpected internal error occurred.' };
}
