/** `chartdesk get <url>`: one GET through the full auth flow; the body to stdout. */
import { traceOfError } from '../../core/auth/flow';
import { ChartDeskError } from '../../core/errors';
import { formatTrace } from '../../core/http/trace-format';
import { safeBlock } from '../terminal-text';
import { UsageError, type CommandRunner } from '../command';
import { httpUrlArg, INSECURE_WARNING, NETWORK_OPTIONS, oneOffRepo, parseCommandArgs } from '../url-repo';

const STATUS_WORDS: Record<number, string> = { 400: 'bad request', 401: 'unauthorized', 403: 'forbidden', 404: 'not found', 405: 'method not allowed', 500: 'server error', 502: 'bad gateway', 503: 'unavailable' };

/** Runs `chartdesk get` (help: help/auth.ts). */
export const runGet: CommandRunner = async (services, io) => {
  const { values, positionals } = parseCommandArgs(io.argv, { ...NETWORK_OPTIONS, scope: { type: 'string', default: 'pull' } });
  if (positionals.length !== 1) throw new UsageError(positionals.length ? 'give exactly one URL' : 'missing URL');
  if (values.scope !== 'pull' && values.scope !== 'push') throw new UsageError('--scope must be pull or push');
  const url = httpUrlArg(positionals[0], 'the URL');
  // The stored repo this URL falls under supplies the credentials, unless CHARTDESK_SECRET is set.
  const stored = io.env.CHARTDESK_SECRET ? undefined : await services.storedRepo(io.env, { url: url.toString() });
  const { repo, credentials } = stored ?? oneOffRepo(new URL('.', url), io.env, values);
  if (repo.tls.insecureSkipVerify && url.protocol === 'https:') io.stderr(INSECURE_WARNING);
  try {
    const res = await (await services.flow(io.env)).request({ repo, credentials, url: url.toString(), scope: values.scope, followChallengeScheme: true });
    if (values.trace) io.stderr(safeBlock(formatTrace(res.trace)));
    if (res.status >= 200 && res.status < 300) {
      io.stdout(res.body);
      return 0;
    }
    const word = STATUS_WORDS[res.status];
    const hint = res.status === 401 && !io.env.CHARTDESK_SECRET ? ' (set CHARTDESK_SECRET to authenticate)' : '';
    io.stderr(`chartdesk get: request failed: the server answered HTTP ${res.status}${word ? ` (${word})` : ''}${hint}.\n`);
    return 1;
  } catch (error) {
    if (values.trace && error instanceof ChartDeskError) io.stderr(safeBlock(formatTrace(traceOfError(error) ?? [])));
    throw error;
  } finally {
    await services.close();
  }
};
