import type { CliCommand } from '../command';
import { createCliServices } from '../services';
import { decodeCommand } from './decode';
import { getCommand } from './get';
import { tokenCommand } from './token';
import { reposCommand } from './repos';
import { indexCommand } from './index-command';
import { pullCommand } from './pull';
import { pushCommand } from './push';
import { deleteCommand } from './delete';
import { verifyCommand } from './verify';
import { keysCommand } from './keys';

/** The CLI's services, built lazily on first use (the CLI's composition root). */
const cliServices = createCliServices();

/** A command that runs after the data folder's settings are read (timeouts, proxy, CA file, index cap apply to it). */
function withSettings(command: CliCommand): CliCommand {
  return {
    ...command,
    async run(io) {
      await cliServices.loadSettings(io.env);
      return command.run(io);
    },
  };
}

/** Every `chartdesk` command; add a command by adding its module here. */
export const COMMANDS: readonly CliCommand[] = [getCommand(cliServices), tokenCommand(cliServices), decodeCommand(cliServices), reposCommand(cliServices),
  indexCommand(cliServices), pullCommand(cliServices), pushCommand(cliServices), deleteCommand(cliServices),
  verifyCommand(cliServices), keysCommand(cliServices)].map(withSettings);
