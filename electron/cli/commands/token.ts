/** `chartdesk token <repo-url>`: a fresh token from the repo's token server, raw or as JSON. */
import { traceOfError } from '../../core/auth/flow';
import { ChartDeskError } from '../../core/errors';
import { formatTrace } from '../../core/http/trace-format';
import { safeBlock } from '../terminal-text';
import { tryDecodeJwt } from '../../core/jwt/decode';
import { UsageError, type CommandRunner } from '../command';
import { httpUrlArg, INSECURE_WARNING, NETWORK_OPTIONS, oneOffRepo, parseCommandArgs } from '../url-repo';
import { looksLikeUrl } from '../stored-repo';

/** Runs `chartdesk token` (help: help/auth.ts). */
export const runToken: CommandRunner = async (services, io) => {
  const { values, positionals } = parseCommandArgs(io.argv, { ...NETWORK_OPTIONS, scope: { type: 'string', default: 'pull' }, json: { type: 'boolean', default: false } });
  if (positionals.length !== 1) throw new UsageError(positionals.length ? 'give exactly one repo URL' : 'missing repo URL');
  if (!['pull', 'push', 'pull,push'].includes(values.scope)) throw new UsageError('--scope must be pull, push or pull,push');
  // A stored repo's name, or a URL: a stored repo's credentials unless CHARTDESK_SECRET is set.
  const arg = positionals[0] as string;
  const stored = !looksLikeUrl(arg) ? await services.storedRepo(io.env, { name: arg }) : io.env.CHARTDESK_SECRET ? undefined : await services.storedRepo(io.env, { url: arg });
  const { repo, credentials } = stored ?? oneOffRepo(httpUrlArg(arg, 'the repo URL'), io.env, values);
  if (!stored) repo.auth.mode = 'token-server';
  if (repo.tls.insecureSkipVerify && repo.url.startsWith('https:')) io.stderr(INSECURE_WARNING);
  if (stored?.repo.auth.mode === 'bearer') {
    const { secret } = await stored.credentials();
    if (!secret) throw new ChartDeskError('bad-request', 'token', `No token is stored for ${stored.view.name}.`, { hint: 'Store it with `chartdesk repos set-secret`.' });
    io.stdout(`${secret}\n`);
    return 0;
  }
  try {
    const { token, trace } = await (await services.flow(io.env)).token({ repo, credentials, scope: values.scope === 'pull' ? 'pull' : 'push', fresh: true });
    if (values.trace) io.stderr(safeBlock(formatTrace(trace)));
    if (!values.json) {
      io.stdout(`${token.token}\n`);
      return 0;
    }
    const decoded = tryDecodeJwt(token.token);
    const out = {
      token: token.token,
      header: decoded?.header ?? null,
      claims: decoded?.claims ?? null,
      expiresAt: new Date(token.expiresAt).toISOString(),
      scope: token.scope,
      dialect: token.dialect,
    };
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
    return 0;
  } catch (error) {
    if (values.trace && error instanceof ChartDeskError) io.stderr(safeBlock(formatTrace(traceOfError(error) ?? [])));
    throw error;
  } finally {
    await services.close();
  }
};
