/** Turns file-system failures while saving or reading user data into 'store' errors a user understands. */
import { ChartDeskError } from '../errors';

const REASONS: Record<string, { reason: string; hint: string }> = {
  ENOSPC: { reason: 'the disk is full (ENOSPC)', hint: 'Free some space on the disk that holds the data folder, then try again.' },
  EDQUOT: { reason: 'your disk quota is used up (EDQUOT)', hint: 'Free some space within your quota, then try again.' },
  EROFS: { reason: 'the disk is read-only (EROFS)', hint: 'Make the data folder writable (or point CHARTDESK_HOME elsewhere), then try again.' },
  EACCES: { reason: 'permission was denied (EACCES)', hint: 'Check the permissions of the data folder.' },
  EPERM: { reason: 'the operation was not permitted (EPERM)', hint: 'Check the permissions of the data folder.' },
  EIO: { reason: 'the disk reported an input/output error (EIO)', hint: 'The disk may be failing or disconnected.' },
  EMFILE: { reason: 'too many files are open (EMFILE)', hint: 'Close some programs, then try again.' },
};

/** The errno code of a Node file-system error, if it has one. */
export function errnoCode(error: unknown): string | undefined {
  const code = error && typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Wraps a file-system failure as kind 'store' naming what could not be done ("save your repo
 * list") and why ("the disk is full (ENOSPC)"); `unchanged` says the old data is still in place.
 * ChartDeskErrors pass through unchanged; the message names only the code, never file content.
 */
export function storeError(error: unknown, step: string, action: string, options: { unchanged?: boolean } = {}): ChartDeskError {
  if (error instanceof ChartDeskError) return error;
  const code = errnoCode(error);
  const known = code ? REASONS[code] : undefined;
  const reason = known?.reason ?? (code ? `the file system refused (${code})` : 'an unexpected error occurred');
  const hint = known?.hint ?? 'Check the data folder and the disk that holds it.';
  return new ChartDeskError('store', step, `Could not ${action}: ${reason}.${options.unchanged ? ' Nothing was changed.' : ''}`, { hint, cause: error });
}
