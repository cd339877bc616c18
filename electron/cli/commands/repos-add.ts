/** `chartdesk repos add <name> <url> [options]`: adds a repo; its secret is read from stdin, never argv. */
import { AuthMode, TokenDialect } from '../../contract/repos';
import { ChartDeskError } from '../../core/errors';
import { UsageError } from '../command';
import { parseArgs, secretFromStdin } from './repos-args';
import type { ReposSubcommand } from './repos-context';
import { noticeLines } from './repos-format';

const VALUE_FLAGS = ['auth', 'username', 'dialect', 'header', 'client-id', 'ca-file', 'cert-file', 'key-file', 'chart'];
const SWITCHES = ['insecure', 'pass-credentials', 'no-secret', 'plain-http', 'no-plain-http'];

/** Adds a repo; modes other than none read their secret (password, token or API key) from stdin. */
export const reposAdd: ReposSubcommand = async ({ repos }, argv, io) => {
  const args = parseArgs(argv, VALUE_FLAGS, SWITCHES);
  const [name, url, ...extra] = args.positionals;
  if (!name || !url || extra.length) throw new UsageError('repos add needs a name and a URL.');
  const mode = AuthMode.safeParse(args.values.get('auth') ?? 'none');
  if (!mode.success) throw new UsageError('--auth must be one of none, basic, bearer, token-server, identity-token.');
  const dialect = TokenDialect.safeParse(args.values.get('dialect') ?? 'auto');
  if (!dialect.success) throw new UsageError('--dialect must be one of auto, A, B, C.');
  const username = args.values.get('username');
  if (mode.data === 'basic' && !username) throw new UsageError('--auth basic needs --username.');

  let secret: string | undefined;
  if (mode.data !== 'none' && !args.switches.has('no-secret')) {
    secret = secretFromStdin(await io.readStdin());
    if (secret === undefined) {
      throw new UsageError(`--auth ${mode.data} reads the secret from stdin, e.g. printf %s "$SECRET" | chartdesk repos add ${name} ${url} --auth ${mode.data} (or pass --no-secret).`);
    }
    const keychain = await repos.keychainStatus();
    if (keychain.state !== 'available') throw new ChartDeskError('keychain', 'store-secret', `${keychain.detail} Nothing was saved.`);
  }

  const clientId = args.values.get('client-id');
  const header = args.values.get('header');
  const tlsFiles = Object.fromEntries((['ca-file', 'cert-file', 'key-file'] as const).flatMap((flag) => {
    const value = args.values.get(flag);
    return value ? [[flag === 'ca-file' ? 'caFile' : flag === 'cert-file' ? 'certFile' : 'keyFile', value]] : [];
  }));
  if (args.switches.has('plain-http') && args.switches.has('no-plain-http')) throw new UsageError('--plain-http and --no-plain-http contradict each other.');
  const plainHttp = args.switches.has('plain-http') ? { plainHttp: true } : args.switches.has('no-plain-http') ? { plainHttp: false } : {};
  const charts = (args.values.get('chart') ?? '').split(',').map((c) => c.trim()).filter(Boolean);
  const repo = await repos.add(
    {
      name,
      url,
      auth: { mode: mode.data, dialect: dialect.data, ...(username ? { username } : {}), ...(header ? { headerName: header } : {}), ...(clientId ? { clientId } : {}) },
      tls: { ...tlsFiles, insecureSkipVerify: args.switches.has('insecure'), ...plainHttp },
      passCredentialsAll: args.switches.has('pass-credentials'),
      ...(charts.length ? { charts } : {}),
    },
    secret,
  );
  io.stderr(noticeLines(repos.notices()));
  io.stdout(`Added ${repo.name} (${repo.kind === 'oci' ? 'OCI registry ' : ''}${repo.url})${repo.hasSecret ? '; its secret is in the keychain-backed vault' : ''}.\n`);
  return 0;
};
