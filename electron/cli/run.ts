/** Runs a command line over a command table: help, version, usage errors and one-line failures. */
import { ChartDeskError } from '../core/errors';
import { CHARTDESK_VERSION } from '../core/version';
import { UsageError, type CliCommand, type CliIo } from './command';
import { closestOption } from './option-hint';
import { safeLine } from './terminal-text';
import { EXIT_CODES } from './help/common';

function overview(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length), 4);
  return [
    `chartdesk ${CHARTDESK_VERSION}: Helm chart repositories from the command line.`,
    '',
    'Usage: chartdesk <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Secrets come from the keychain, stdin or CHARTDESK_SECRET/CHARTDESK_USERNAME, never from arguments.',
    'Text from servers and indexes is printed terminal-safe (escape sequences shown escaped); --json is exact.',
    'Run `chartdesk <command> --help` for a command’s options.',
    '',
    EXIT_CODES,
    '',
  ].join('\n');
}

/** Runs the CLI with the given command table and streams; resolves to the process exit code. */
export async function runCli(commands: readonly CliCommand[], io: CliIo): Promise<number> {
  const [name, ...rest] = io.argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(overview(commands));
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${CHARTDESK_VERSION}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    const meant = closestOption(name, commands.map((c) => c.name));
    io.stderr(`chartdesk: unknown command "${safeLine(name.slice(0, 100))}"${meant ? ` (did you mean "${meant}"?)` : ''}. Run chartdesk --help.\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.usage.trimEnd()}\n`);
    return 0;
  }
  try {
    return await command.run({ ...io, argv: rest });
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`chartdesk ${name}: ${safeLine(error.message)}\n\n${command.usage.trimEnd()}\n`);
      return 2;
    }
    if (error instanceof ChartDeskError) {
      io.stderr(`chartdesk ${name}: ${safeLine(error.step)} failed: ${safeLine(error.message)}${error.hint ? ` (${safeLine(error.hint)})` : ''}\n`);
      return 1;
    }
    io.stderr(`chartdesk ${name}: unexpected failure (${error instanceof Error ? error.name : 'error'}). Run again with --trace for details.\n`);
    return 1;
  }
}
