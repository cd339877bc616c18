/** Typos on the command line name the option (or command) the user most likely meant. */
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../electron/cli/commands';
import { closestOption, unknownOptionMessage } from '../../../electron/cli/option-hint';
import { runCli } from '../../../electron/cli/run';

async function cli(argv: string[]) {
  let stderr = '';
  const code = await runCli(COMMANDS, { argv, env: {}, readStdin: async () => '', stdout: () => undefined, stderr: (t) => void (stderr += t) });
  return { code, stderr };
}

describe('option hints', () => {
  it('suggests the nearest option for a typo and nothing for a different word', () => {
    expect(unknownOptionMessage('--trcae', ['scope', 'trace', 'dialect'])).toBe('unknown option --trcae (did you mean --trace?)');
    expect(unknownOptionMessage('--force', ['scope', 'trace'])).toBe('unknown option --force');
    expect(closestOption('jsn', ['json', 'search'])).toBe('json');
    expect(closestOption('x', ['json'])).toBeUndefined();
  });

  it('answers mistyped commands, subcommands and repos options with the one meant (exit 2)', async () => {
    const command = await cli(['tokne', 'cm']);
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('unknown command "tokne" (did you mean "token"?)');
    const sub = await cli(['repos', 'lsit']);
    expect(sub.code).toBe(2);
    expect(sub.stderr).toContain('Unknown subcommand “lsit” (did you mean “list”?)');
    const option = await cli(['repos', 'list', '--jsn']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('unknown option --jsn (did you mean --json?)');
  });
});
