/** `chartdesk repos set-secret <name> [--username U]` (secret on stdin) and `repos clear-secret <name>`. */
import { ChartDeskError } from '../../core/errors';
import { UsageError } from '../command';
import { parseArgs, secretFromStdin } from './repos-args';
import type { ReposSubcommand } from './repos-context';

/** Stores the secret piped on stdin for the named repo. */
export const reposSetSecret: ReposSubcommand = async ({ repos }, argv, io) => {
  const args = parseArgs(argv, ['username'], []);
  const [name, ...extra] = args.positionals;
  if (!name || extra.length) throw new UsageError('repos set-secret needs exactly one repo name; the secret comes from stdin.');
  const secret = secretFromStdin(await io.readStdin());
  if (secret === undefined) throw new UsageError(`repos set-secret reads the secret from stdin, e.g. printf %s "$SECRET" | chartdesk repos set-secret ${name}`);
  const repo = await repos.byName(name);
  const keychain = await repos.keychainStatus();
  if (keychain.state !== 'available') throw new ChartDeskError('keychain', 'store-secret', `${keychain.detail} Nothing was saved.`);
  await repos.setCredential(repo.id, secret, args.values.get('username'));
  io.stdout(`Stored the secret of ${repo.name} in the keychain-backed vault.\n`);
  return 0;
};

/** Forgets the named repo's secret. */
export const reposClearSecret: ReposSubcommand = async ({ repos }, argv, io) => {
  const [name, ...extra] = parseArgs(argv, [], []).positionals;
  if (!name || extra.length) throw new UsageError('repos clear-secret needs exactly one repo name.');
  const repo = await repos.byName(name);
  await repos.clearCredential(repo.id);
  io.stdout(`Forgot the secret of ${repo.name}.\n`);
  return 0;
};
