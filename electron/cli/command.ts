/** What a CLI command gets: its arguments and the process's streams, passed in so tests can drive it. */
export interface CliIo {
  /** Arguments after the command name. */
  argv: string[];
  env: NodeJS.ProcessEnv;
  /** Reads all of standard input (empty string when it is a terminal or closed). */
  readStdin(): Promise<string>;
  stdout(text: string | Uint8Array): void;
  stderr(text: string): void;
  /** Asks for a secret on the terminal without echoing it; absent when stdin is not a terminal. */
  promptSecret?: (question: string) => Promise<string>;
}

/** One `chartdesk <name>` command. */
export interface CliCommand {
  name: string;
  /** One line for `chartdesk --help`. */
  summary: string;
  /** Full usage text for `chartdesk <name> --help`. */
  usage: string;
  /** Runs the command; resolves to the exit code. Throw ChartDeskError for a one-line failure. */
  run(io: CliIo): Promise<number>;
}

/** A usage mistake: printed with the command's usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A command's work, in a module loaded only when the command runs: over the CLI's services and the given streams. */
export type CommandRunner = (services: import('./services').CliServices, io: CliIo) => Promise<number>;
