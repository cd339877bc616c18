/** `chartdesk token <repo-url>`: a fresh token from the repo's token server, raw or as JSON. */
import { traceOfError } from '../../core/auth/flow';
import { ChartDeskError } from '../../core/errors';
import { formatTrace } from '../../core/http/trace-format';
import { safeBlock, safeLine } from '../terminal-text';
import { tryDecodeJwt } from '../../core/jwt/decode';
import { UsageError, type CommandRunner } from '../command';
import { INSECURE_WARNING, NETWORK_OPTIONS, parseCommandArgs } from '../url-repo';
import { openChartTarget } from '../chart-cli';

/** Runs `chartdesk token` (help: help/auth.ts). */
export const runToken: CommandRunner = async (services, io) => {
  const { values, positionals } = parseCommandArgs(io.argv, { ...NETWORK_OPTIONS, scope: { type: 'string', default: 'pull' }, json: { type: 'boolean', default: false } });
  if (positionals.length !== 1) throw new UsageError(positionals.length ? 'give exactly one repo URL' : 'missing repo URL');
  if (!['pull', 'push', 'pull,push'].includes(values.scope)) throw new UsageError('--scope must be pull, push or pull,push');
  // A stored repo's name, or a URL (http(s) or oci://): a stored repo's credentials unless CHARTDESK_SECRET is set.
  const arg = positionals[0] as string;
  const scope = values.scope === 'pull' ? 'pull' : 'push';
  try {
    const { target, source } = await openChartTarget(services, io.env, arg, values, { httpMode: 'token-server' });
    const { repo } = source;
    if (repo.tls.insecureSkipVerify && source.flowRepo.url.startsWith('https:')) io.stderr(INSECURE_WARNING);
    if (repo.auth.mode === 'bearer') {
      const { secret } = await source.credentials();
      if (!secret) throw new ChartDeskError('bad-request', 'token', `No token is stored for ${safeLine(target.label)}.`, { hint: 'Store it with `chartdesk repos set-secret`.' });
      io.stdout(`${secret}\n`);
      return 0;
    }
    const { token, trace } = await (await services.flow(io.env)).token({ repo: source.flowRepo, credentials: () => source.credentials(), scope, fresh: true, probe: await source.probe(scope) });
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
