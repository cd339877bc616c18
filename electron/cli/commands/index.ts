import type { CliCommand } from '../command';

/** Every `chartdesk` command; add a command by adding its module here. */
export const COMMANDS: readonly CliCommand[] = [];
