/**
 * `chartdesk repos use-helper <repo> [--for docker,helm,podman | --config FILE] [--undo]` and
 * `chartdesk repos install-helper [--dir DIR]`: tools' config files pointed at ChartDesk's keychain.
 */
import { UsageError } from '../command';
import { safeLine } from '../terminal-text';
import { parseArgs } from './repos-args';
import type { ReposSubcommand } from './repos-context';

const TOOLS = ['docker', 'helm', 'podman'] as const;

/** Points the chosen config files' entry for the repo's registry at docker-credential-chartdesk (or back with --undo). */
export const reposUseHelper: ReposSubcommand = async ({ repos, credentialHelper }, argv, io) => {
  const args = parseArgs(argv, ['for', 'config'], ['undo']);
  const [name, ...extra] = args.positionals;
  if (!name || extra.length) throw new UsageError('repos use-helper needs one registry repo name.');
  if (args.values.has('for') && args.values.has('config')) throw new UsageError('give --for or --config, not both.');
  const helper = await credentialHelper();
  const repo = await repos.byName(name);
  const status = await helper.status(repo.id);
  let files: string[];
  const config = args.values.get('config');
  if (config) {
    if (!/\.json$/i.test(config)) throw new UsageError('--config names a .json file (config.json or auth.json).');
    files = [config];
  } else {
    const tools = (args.values.get('for') ?? 'docker,helm').split(',').map((t) => t.trim()).filter(Boolean);
    const unknown = tools.find((t) => !(TOOLS as readonly string[]).includes(t));
    if (unknown) throw new UsageError(`--for takes ${TOOLS.join(', ')} (comma-separated), not "${unknown.slice(0, 40)}".`);
    files = status.files.filter((f) => tools.includes(f.format)).map((f) => f.path);
    if (!files.length) throw new UsageError('Podman’s auth.json has no default here (set REGISTRY_AUTH_FILE or XDG_RUNTIME_DIR, or give --config).');
  }
  for (const file of files) {
    const change = await helper.use(repo.id, file, args.switches.has('undo'));
    io.stdout(`${safeLine(change.message)}\n`);
  }
  return 0;
};

/** Writes the launcher that puts docker-credential-chartdesk on the PATH. */
export const reposInstallHelper: ReposSubcommand = async ({ credentialHelper }, argv, io) => {
  const args = parseArgs(argv, ['dir'], []);
  if (args.positionals.length) throw new UsageError('repos install-helper takes no arguments (only --dir DIR).');
  const result = await (await credentialHelper()).installLauncher(args.values.get('dir'));
  io.stdout(`${safeLine(result.message)}\n`);
  return 0;
};
