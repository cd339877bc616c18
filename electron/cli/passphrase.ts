/** The passphrase of an export file for the CLI: from CHARTDESK_PASSPHRASE, stdin or the terminal; never from arguments. */
import { ChartDeskError } from '../core/errors';
import type { CliIo } from './command';
import { UsageError } from './command';

/** The environment variable that may carry the passphrase (for scripts). */
export const PASSPHRASE_ENV = 'CHARTDESK_PASSPHRASE';

/**
 * Reads the passphrase: CHARTDESK_PASSPHRASE, else the first line of stdin (a second line, when
 * given with `confirm`, must match it), else asks on the terminal without echo (twice with `confirm`).
 */
export async function readPassphrase(io: CliIo, confirm: boolean): Promise<string> {
  const fromEnv = io.env[PASSPHRASE_ENV];
  if (fromEnv) return fromEnv;
  const piped = await io.readStdin();
  if (piped !== '') {
    const [first = '', second] = piped.split(/\r?\n/);
    if (first === '') throw new UsageError('The first line of stdin is empty; it must be the passphrase.');
    if (confirm && second !== undefined && second !== '' && second !== first) throw new ChartDeskError('bad-request', 'passphrase', 'The two passphrases on stdin differ; nothing was written.');
    return first;
  }
  if (!io.promptSecret) throw new UsageError(`A passphrase is needed: set ${PASSPHRASE_ENV}, pipe it on stdin, or run in a terminal to type it.`);
  const typed = await io.promptSecret('Passphrase: ');
  if (confirm && (await io.promptSecret('Type it again: ')) !== typed) throw new ChartDeskError('bad-request', 'passphrase', 'The two passphrases differ; nothing was written.');
  return typed;
}
