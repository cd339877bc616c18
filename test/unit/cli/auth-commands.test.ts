/** The get/token/decode commands in-process through runCli: usage rules and credentials never from argv. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../../electron/cli/commands';
import { runCli } from '../../../electron/cli/run';
import { SHARED_DATA } from '../../support/paths';

async function cli(argv: string[], stdin = '', env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(COMMANDS, {
    argv,
    env,
    readStdin: async () => stdin,
    stdout: (t) => {
      stdout += typeof t === 'string' ? t : Buffer.from(t).toString();
    },
    stderr: (t) => {
      stderr += t;
    },
  });
  return { code, stdout, stderr };
}

const README_TOKEN = (() => {
  const line = readFileSync(path.join(SHARED_DATA, 'auth', 'readme-tokens.txt'), 'utf8').split('\n').find((l) => l.includes('eyJ')) ?? '';
  return line.slice(line.lastIndexOf(' ') + 1);
})();

describe('usage', () => {
  it('lists get, token and decode in the overview and shows each command’s usage', async () => {
    const overview = await cli(['--help']);
    for (const name of ['get', 'token', 'decode']) expect(overview.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    expect((await cli(['get', '--help'])).stdout).toContain('CHARTDESK_SECRET');
  });

  it.each([
    [['get'], 'missing URL'],
    [['get', 'ftp://x/y'], 'must start with http'],
    [['get', 'http://user:pw@localhost/x'], 'must not hold credentials'],
    [['get', 'http://localhost/x', '--secret', 'MASTERKEY'], 'unknown option --secret'],
    [['get', 'http://localhost/x', '--trcae'], 'unknown option --trcae (did you mean --trace?)'],
    [['token', 'http://localhost/x', '--scop', 'push'], 'unknown option --scop (did you mean --scope?)'],
    [['get', 'notaurl'], 'the URL is not valid: notaurl (give an absolute http:// or https:// URL)'],
    [['get', 'http://localhost/x', '--dialect', 'Z'], '--dialect must be'],
    [['token', 'http://localhost/x', '--scope', 'delete'], '--scope must be'],
    [['decode', README_TOKEN], 'read from stdin'],
    [['decode', '--key', 'a', '--jwks', 'http://x/'], 'not both'],
  ])('%j is a usage error (exit 2): %s', async (argv, message) => {
    const run = await cli(argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toContain('MASTERKEY');
  });
});

describe('decode', () => {
  it('prints header, claims, times and expiry of a token on stdin', async () => {
    const run = await cli(['decode'], `${README_TOKEN}\n`);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      header: { alg: 'RS256', typ: 'JWT' },
      claims: { exp: 1543959726, iat: 1543959426, access: [{ type: 'artifact-repository', name: 'org1/repo1', actions: ['push'] }] },
      issuedAt: '2018-12-04T21:37:06.000Z',
      expiresAt: '2018-12-04T21:42:06.000Z',
      expired: true,
    });
  });

  it('reports an unreadable key file as one line', async () => {
    const run = await cli(['decode', '--key', '/nonexistent/key.pem'], README_TOKEN);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('chartdesk decode: key failed: The key file /nonexistent/key.pem cannot be read.\n');
  });
});
