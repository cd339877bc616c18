/** `chartdesk get <url>`: one GET through the full auth flow; the body to stdout. */
import { traceOfError } from '../../core/auth/flow';
import { ChartDeskError } from '../../core/errors';
import { formatTrace } from '../../core/http/trace-format';
import { UsageError, type CliCommand } from '../command';
import type { CliServices } from '../services';
import { httpUrlArg, INSECURE_WARNING, NETWORK_OPTIONS, NETWORK_USAGE, oneOffRepo, parseCommandArgs } from '../url-repo';

const STATUS_WORDS: Record<number, string> = { 400: 'bad request', 401: 'unauthorized', 403: 'forbidden', 404: 'not found', 405: 'method not allowed', 500: 'server error', 502: 'bad gateway', 503: 'unavailable' };

/** The get command, using the CLI's services. */
export function getCommand(services: CliServices): CliCommand {
  return {
    name: 'get',
    summary: 'GET a URL through the auth flow (401 -> token -> retry); body to stdout',
    usage: [
      'Usage: chartdesk get <url> [options]',
      '',
      'Fetches <url> (e.g. http://localhost:8080/org1/repo1/index.yaml), answering the repo’s',
      'challenge with a token from its token server. Exit 0 on 2xx; otherwise one line on stderr',
      'names the failed step and the reason.',
      'A URL at or below a stored repo’s URL (chartdesk repos add) uses that repo’s settings and',
      'the credentials in the keychain.',
      '',
      'Options:',
      '  --scope pull|push     Ask for a push token (pull,push) instead of pull',
      ...NETWORK_USAGE,
    ].join('\n'),
    async run(io) {
      const { values, positionals } = parseCommandArgs(io.argv, { ...NETWORK_OPTIONS, scope: { type: 'string', default: 'pull' } });
      if (positionals.length !== 1) throw new UsageError(positionals.length ? 'give exactly one URL' : 'missing URL');
      if (values.scope !== 'pull' && values.scope !== 'push') throw new UsageError('--scope must be pull or push');
      const url = httpUrlArg(positionals[0], 'the URL');
      // The stored repo this URL falls under supplies the credentials, unless CHARTDESK_SECRET is set.
      const stored = io.env.CHARTDESK_SECRET ? undefined : await services.storedRepo(io.env, { url: url.toString() });
      const { repo, credentials } = stored ?? oneOffRepo(new URL('.', url), io.env, values);
      if (repo.tls.insecureSkipVerify && url.protocol === 'https:') io.stderr(INSECURE_WARNING);
      try {
        const res = await services.flow(io.env).request({ repo, credentials, url: url.toString(), scope: values.scope, followChallengeScheme: true });
        if (values.trace) io.stderr(formatTrace(res.trace));
        if (res.status >= 200 && res.status < 300) {
          io.stdout(res.body);
          return 0;
        }
        const word = STATUS_WORDS[res.status];
        const hint = res.status === 401 && !io.env.CHARTDESK_SECRET ? ' (set CHARTDESK_SECRET to authenticate)' : '';
        io.stderr(`chartdesk get: request failed: the server answered HTTP ${res.status}${word ? ` (${word})` : ''}${hint}.\n`);
        return 1;
      } catch (error) {
        if (values.trace && error instanceof ChartDeskError) io.stderr(formatTrace(traceOfError(error) ?? []));
        throw error;
      } finally {
        await services.close();
      }
    },
  };
}
