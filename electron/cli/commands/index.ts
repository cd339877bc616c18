/**
 * The command table: names, one-line summaries and --help texts are plain strings here, and each
 * command's module is imported only when that command runs, so `chartdesk --help` (or `decode`)
 * loads no HTTP client, keychain, repo store or index engine.
 */
import type { CliCommand, CommandRunner } from '../command';
import { DECODE_HELP, GET_HELP, TOKEN_HELP } from '../help/auth';
import { SEARCH_HELP, SHOW_HELP } from '../help/browse';
import { DELETE_HELP, INDEX_HELP, PULL_HELP, PUSH_HELP } from '../help/charts';
import type { CommandHelp } from '../help/common';
import { KEYS_HELP, VERIFY_HELP } from '../help/provenance';
import { REPOS_HELP } from '../help/repos';
import { createCliServices } from '../services';

/** The CLI's services, built lazily on first use (the CLI's composition root). */
const cliServices = createCliServices();

/** A command whose module loads when it runs. */
function lazy(help: CommandHelp, load: () => Promise<CommandRunner>): CliCommand {
  return { ...help, run: async (io) => (await load())(cliServices, io) };
}

/** Every `chartdesk` command; add a command by adding its help and its loader here. */
export const COMMANDS: readonly CliCommand[] = [
  lazy(GET_HELP, async () => (await import('./get')).runGet),
  lazy(TOKEN_HELP, async () => (await import('./token')).runToken),
  lazy(DECODE_HELP, async () => (await import('./decode')).runDecode),
  lazy(REPOS_HELP, async () => (await import('./repos')).runRepos),
  lazy(INDEX_HELP, async () => (await import('./index-command')).runIndex),
  lazy(SEARCH_HELP, async () => (await import('./search')).runSearch),
  lazy(SHOW_HELP, async () => (await import('./show')).runShow),
  lazy(PULL_HELP, async () => (await import('./pull')).runPull),
  lazy(PUSH_HELP, async () => (await import('./push')).runPush),
  lazy(DELETE_HELP, async () => (await import('./delete')).runDelete),
  lazy(VERIFY_HELP, async () => (await import('./verify')).runVerify),
  lazy(KEYS_HELP, async () => (await import('./keys')).runKeys),
];
