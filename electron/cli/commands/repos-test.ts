/** `chartdesk repos test <name>`: runs the auth flow against the repo's index (or its registry) with its stored credential. */
import { testRepoCredential } from '../../core/secrets/credential-test';
import { UsageError } from '../command';
import { parseArgs } from './repos-args';
import type { ReposSubcommand } from './repos-context';
import { safeLine } from '../terminal-text';

/** Prints the redacted trace and whether the repo accepted the credential (exit 0) or not (exit 1). */
export const reposTest: ReposSubcommand = async ({ flow, source }, argv, io) => {
  const [name, ...extra] = parseArgs(argv, [], []).positionals;
  if (!name || extra.length) throw new UsageError('repos test needs exactly one repo name.');
  const result = await testRepoCredential(await flow(), await source(name));
  for (const entry of result.trace) {
    const line = entry.method ? `${entry.step}: ${entry.method} ${entry.url} -> ${entry.status ?? 'no answer'}` : `${entry.step}: ${entry.note ?? ''}`;
    io.stderr(`${safeLine(line)}\n`);
  }
  io.stdout(`${result.ok ? 'OK' : 'FAILED'}: ${safeLine(result.message)}${result.error?.hint ? ` (${safeLine(result.error.hint)})` : ''}\n`);
  return result.ok ? 0 : 1;
};
